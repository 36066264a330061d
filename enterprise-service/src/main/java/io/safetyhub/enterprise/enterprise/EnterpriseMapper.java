package io.safetyhub.enterprise.enterprise;

import io.safetyhub.events.EnterpriseChanged;
import jakarta.enterprise.context.ApplicationScoped;
import org.bson.Document;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Date;
import java.util.List;
import java.util.UUID;

/** Converts an {@link Enterprise} to and from its MongoDB document, its REST view and its event. */
@ApplicationScoped
public class EnterpriseMapper {

    public Document toDocument(Enterprise e) {
        Document doc = new Document("_id", e.id())
                .append("name", e.name())
                .append("uscc", e.uscc())
                .append("legalRepresentative", e.legalRepresentative())
                .append("address", e.address())
                .append("district", e.district())
                .append("town", e.town())
                .append("sectors", e.sectors().stream().map(Enum::name).toList())
                .append("riskColour", name(e.riskColour()))
                .append("standardisationGrade", name(e.standardisationGrade()))
                .append("status", name(e.status()))
                .append("createdAt", date(e.createdAt()))
                .append("updatedAt", date(e.updatedAt()));
        if (e.longitude() != null && e.latitude() != null) {
            // GeoJSON, so that a 2dsphere index on real MongoDB serves "enterprises near a leak".
            doc.append("location", new Document("type", "Point").append("coordinates", List.of(e.longitude(), e.latitude())));
        }
        if (e.insurance() != null) {
            doc.append("insurance", new Document("policyNumber", e.insurance().policyNumber())
                    .append("expiresOn", e.insurance().expiresOn() == null ? null : e.insurance().expiresOn().toString()));
        }
        return doc;
    }

    public Enterprise fromDocument(Document doc) {
        Double longitude = null;
        Double latitude = null;
        Document location = doc.get("location", Document.class);
        if (location != null) {
            List<?> coordinates = location.getList("coordinates", Object.class);
            longitude = ((Number) coordinates.get(0)).doubleValue();
            latitude = ((Number) coordinates.get(1)).doubleValue();
        }
        LiabilityInsurance insurance = null;
        Document ins = doc.get("insurance", Document.class);
        if (ins != null) {
            String expires = ins.getString("expiresOn");
            insurance = new LiabilityInsurance(ins.getString("policyNumber"), expires == null ? null : LocalDate.parse(expires));
        }
        List<Sector> sectors = doc.getList("sectors", String.class, List.of()).stream().map(Sector::valueOf).toList();
        return new Enterprise(doc.getString("_id"), doc.getString("name"), doc.getString("uscc"),
                doc.getString("legalRepresentative"), doc.getString("address"), doc.getString("district"),
                doc.getString("town"), longitude, latitude, sectors,
                parse(RiskColour.class, doc.getString("riskColour")),
                parse(StandardisationGrade.class, doc.getString("standardisationGrade")), insurance,
                parse(EnterpriseStatus.class, doc.getString("status")),
                instant(doc.getDate("createdAt")), instant(doc.getDate("updatedAt")));
    }

    public EnterpriseView toView(Enterprise e) {
        EnterpriseView.Insurance insurance = e.insurance() == null ? null
                : new EnterpriseView.Insurance(e.insurance().policyNumber(), e.insurance().expiresOn());
        return new EnterpriseView(e.id(), e.name(), e.uscc(), e.legalRepresentative(), e.address(), e.district(),
                e.town(), e.longitude(), e.latitude(), e.sectors(), e.riskColour(), e.standardisationGrade(),
                insurance, e.status(), e.updatedAt());
    }

    public EnterpriseChanged toEvent(Enterprise e, EnterpriseChanged.Change change, String source) {
        return new EnterpriseChanged(UUID.randomUUID(), Instant.now(), source, change, e.id(), e.name(), e.uscc(),
                e.district(), e.town(), e.sectors().stream().map(Enum::name).toList(), name(e.riskColour()),
                name(e.status()), e.longitude(), e.latitude());
    }

    private static String name(Enum<?> value) {
        return value == null ? null : value.name();
    }

    private static <E extends Enum<E>> E parse(Class<E> type, String value) {
        return value == null ? null : Enum.valueOf(type, value);
    }

    private static Date date(Instant instant) {
        return instant == null ? null : Date.from(instant);
    }

    private static Instant instant(Date date) {
        return date == null ? null : date.toInstant();
    }
}
