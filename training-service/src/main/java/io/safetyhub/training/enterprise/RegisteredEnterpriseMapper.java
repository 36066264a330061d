package io.safetyhub.training.enterprise;

import io.safetyhub.events.EnterpriseChanged;
import jakarta.enterprise.context.ApplicationScoped;
import org.bson.Document;

import java.util.Date;
import java.util.List;

/** Event -> local copy -> MongoDB document and back, by hand. */
@ApplicationScoped
public class RegisteredEnterpriseMapper {

    public RegisteredEnterprise fromEvent(EnterpriseChanged event) {
        return new RegisteredEnterprise(event.enterpriseId(), event.name(), event.uscc(), event.district(),
                event.town(), event.sectors(), event.riskColour(), event.status(), event.longitude(),
                event.latitude(), event.occurredAt(), event.eventId() == null ? null : event.eventId().toString());
    }

    public Document toDocument(RegisteredEnterprise e) {
        return new Document("_id", e.id())
                .append("name", e.name())
                .append("uscc", e.uscc())
                .append("district", e.district())
                .append("town", e.town())
                .append("sectors", e.sectors())
                .append("riskColour", e.riskColour())
                .append("status", e.status())
                .append("longitude", e.longitude())
                .append("latitude", e.latitude())
                .append("asOf", e.asOf() == null ? null : Date.from(e.asOf()))
                .append("lastEventId", e.lastEventId());
    }

    public RegisteredEnterprise fromDocument(Document doc) {
        Date asOf = doc.getDate("asOf");
        return new RegisteredEnterprise(doc.getString("_id"), doc.getString("name"), doc.getString("uscc"),
                doc.getString("district"), doc.getString("town"), doc.getList("sectors", String.class, List.of()),
                doc.getString("riskColour"), doc.getString("status"), doc.getDouble("longitude"),
                doc.getDouble("latitude"), asOf == null ? null : asOf.toInstant(), doc.getString("lastEventId"));
    }
}
