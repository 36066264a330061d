package io.safetyhub.enterprise.disclosure;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.safetyhub.platform.Masks;
import jakarta.enterprise.context.ApplicationScoped;
import org.bson.Document;

import java.util.Date;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * {@link Disclosure} to and from its MongoDB document ({@code disclosures}, {@code _id} = enterprise id),
 * and its masked public form. The nested records hold only text and numbers, so Jackson's tree
 * conversion maps them field for field.
 */
@ApplicationScoped
public class DisclosureMapper {
    /** An 18-character identity-card number standing alone (not part of a longer run of digits or letters). */
    private static final Pattern ID_CARD = Pattern.compile("(?<![0-9A-Za-z])[0-9]{17}[0-9Xx](?![0-9A-Za-z])");

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

    /**
     * The public view: every phone masked whatever its length ({@link Masks#phone}); names, posts, measures and
     * hazard sources as published, except that anything shaped like an identity-card number (GB 11643: 17 digits
     * and a check character) typed into a text is masked too ({@link Masks#idCard}), so the public never sees one.
     */
    public Disclosure masked(Disclosure d) {
        Disclosure.ResponsiblePersons p = d.responsiblePersons();
        return new Disclosure(
                new Disclosure.ResponsiblePersons(mask(p.administrative()), mask(p.industrySupervision()),
                        mask(p.professionalSupervision()), mask(p.principal())),
                d.majorRiskPoints().stream().map(r -> new Disclosure.RiskPoint(text(r.facility()), text(r.risk()),
                        r.controlMeasures().stream().map(DisclosureMapper::text).toList(), mask(r.deputyInCharge()),
                        mask(r.departmentHead()), mask(r.directlyResponsible()))).toList(),
                d.hazardSourceGuardians().stream().map(g -> new Disclosure.Guardians(text(g.hazardSourceId()),
                        text(g.hazardSourceName()), g.grade(), mask(g.principal()), mask(g.technical()),
                        mask(g.operational()))).toList());
    }

    private static Disclosure.Person mask(Disclosure.Person p) {
        return p == null ? null : new Disclosure.Person(text(p.name()), text(p.post()), Masks.phone(p.phone()));
    }

    static String text(String value) {
        return value == null ? null : ID_CARD.matcher(value).replaceAll(m -> Masks.idCard(m.group()));
    }
}
