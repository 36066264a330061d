package io.safetyhub.enterprise.hazard;

import io.safetyhub.enterprise.audit.AuditDocuments;
import io.safetyhub.enterprise.audit.AuditEntry;
import io.safetyhub.enterprise.enterprise.Sector;
import jakarta.enterprise.context.ApplicationScoped;
import org.bson.Document;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Date;
import java.util.List;

/** {@link Hazard} to and from its MongoDB document and its REST view. */
@ApplicationScoped
public class HazardMapper {

    public Document toDocument(Hazard h) {
        return new Document("_id", h.id())
                .append("enterpriseId", h.enterpriseId())
                .append("district", h.district())
                .append("town", h.town())
                .append("source", h.source().name())
                .append("grade", h.grade().name())
                .append("category", h.category().name())
                .append("description", h.description())
                .append("responsiblePerson", h.responsiblePerson())
                .append("measures", h.measures())
                .append("funds", h.funds())
                // ISO text sorts and compares like the date it is, so "deadline < today" is a plain range query.
                .append("deadline", h.deadline() == null ? null : h.deadline().toString())
                .append("status", h.status().name())
                .append("reportedAt", Date.from(h.reportedAt()))
                .append("updatedAt", Date.from(h.updatedAt()))
                .append("history", h.history().stream().map(AuditDocuments::toDocument).toList());
    }

    public Hazard fromDocument(Document d) {
        String deadline = d.getString("deadline");
        List<AuditEntry> history = d.getList("history", Document.class, List.of()).stream()
                .map(AuditDocuments::fromDocument).toList();
        Number funds = d.get("funds", Number.class);
        return new Hazard(d.getString("_id"), d.getString("enterpriseId"), d.getString("district"), d.getString("town"),
                HazardSource.valueOf(d.getString("source")), HazardGrade.valueOf(d.getString("grade")),
                Sector.valueOf(d.getString("category")), d.getString("description"), d.getString("responsiblePerson"),
                d.getString("measures"), funds == null ? null : funds.doubleValue(),
                deadline == null ? null : LocalDate.parse(deadline), HazardStatus.valueOf(d.getString("status")),
                d.getDate("reportedAt").toInstant(), d.getDate("updatedAt").toInstant(), history);
    }

    public HazardView toView(Hazard h, Instant now, LocalDate today) {
        return new HazardView(h.id(), h.enterpriseId(), h.district(), h.town(), h.source(), h.grade(), h.category(),
                h.description(), h.responsiblePerson(), h.measures(), h.funds(), h.deadline(), h.status(),
                h.overdue(today), Math.max(0, Duration.between(h.reportedAt(), now).toDays()), h.reportedAt(),
                h.updatedAt(), h.history());
    }
}
