package io.safetyhub.enterprise.disclosure;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import org.bson.Document;

import java.util.Date;
import java.util.Map;

/**
 * {@link Disclosure} to and from its MongoDB document ({@code disclosures}, {@code _id} = enterprise id),
 * and its masked public form. The nested records hold only text and numbers, so Jackson's tree
 * conversion maps them field for field.
 */
@ApplicationScoped
public class DisclosureMapper {
    private final ObjectMapper json;

    public DisclosureMapper(ObjectMapper json) {
        this.json = json;
    }

    @SuppressWarnings("unchecked")
    public Document toDocument(String enterpriseId, Disclosure disclosure, java.time.Instant at, String by) {
        return new Document("_id", enterpriseId)
                .append("disclosure", new Document(json.convertValue(disclosure, Map.class)))
                .append("updatedAt", Date.from(at))
                .append("updatedBy", by);
    }

    public Disclosure fromDocument(Document doc) {
        return json.convertValue(doc.get("disclosure", Document.class), Disclosure.class);
    }

    /** The public view: phones masked; names, posts, measures and hazard sources as published. */
    public Disclosure masked(Disclosure d) {
        Disclosure.ResponsiblePersons p = d.responsiblePersons();
        return new Disclosure(
                new Disclosure.ResponsiblePersons(mask(p.administrative()), mask(p.industrySupervision()),
                        mask(p.professionalSupervision()), mask(p.principal())),
                d.majorRiskPoints().stream().map(r -> new Disclosure.RiskPoint(r.facility(), r.risk(), r.controlMeasures(),
                        mask(r.deputyInCharge()), mask(r.departmentHead()), mask(r.directlyResponsible()))).toList(),
                d.hazardSourceGuardians().stream().map(g -> new Disclosure.Guardians(g.hazardSourceId(),
                        g.hazardSourceName(), g.grade(), mask(g.principal()), mask(g.technical()),
                        mask(g.operational()))).toList());
    }

    private static Disclosure.Person mask(Disclosure.Person p) {
        return p == null ? null : new Disclosure.Person(p.name(), p.post(), PhoneMask.mask(p.phone()));
    }
}
