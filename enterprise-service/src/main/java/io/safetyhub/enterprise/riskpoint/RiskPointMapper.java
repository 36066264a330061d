package io.safetyhub.enterprise.riskpoint;

import io.safetyhub.enterprise.enterprise.RiskColour;
import jakarta.enterprise.context.ApplicationScoped;
import org.bson.Document;

import java.util.Date;
import java.util.List;

/** {@link RiskPoint} to and from its MongoDB document. */
@ApplicationScoped
public class RiskPointMapper {

    public Document toDocument(RiskPoint p) {
        return new Document("_id", p.id())
                .append("enterpriseId", p.enterpriseId())
                .append("district", p.district())
                .append("town", p.town())
                .append("name", p.name())
                .append("longitude", p.longitude())
                .append("latitude", p.latitude())
                .append("hazards", p.hazards())
                .append("method", p.method().name())
                .append("l", p.l()).append("e", p.e()).append("c", p.c()).append("s", p.s())
                .append("value", p.value())
                .append("colour", p.colour().name())
                .append("measures", p.measures().stream().map(m -> new Document("id", m.id())
                        .append("description", m.description())
                        .append("tasks", m.tasks().stream().map(t -> new Document("id", t.id())
                                .append("content", t.content()).append("frequency", t.frequency().name())
                                .append("post", t.post())).toList())).toList())
                .append("createdAt", Date.from(p.createdAt()))
                .append("updatedAt", Date.from(p.updatedAt()))
                .append("updatedBy", p.updatedBy());
    }

    public RiskPoint fromDocument(Document d) {
        List<RiskPoint.Measure> measures = d.getList("measures", Document.class, List.of()).stream()
                .map(m -> new RiskPoint.Measure(m.getString("id"), m.getString("description"),
                        m.getList("tasks", Document.class, List.of()).stream().map(t -> new RiskPoint.Task(
                                t.getString("id"), t.getString("content"), CheckFrequency.valueOf(t.getString("frequency")),
                                t.getString("post"))).toList())).toList();
        return new RiskPoint(d.getString("_id"), d.getString("enterpriseId"), d.getString("district"), d.getString("town"),
                d.getString("name"), number(d, "longitude"), number(d, "latitude"),
                d.getList("hazards", String.class, List.of()), GradingMethod.valueOf(d.getString("method")),
                number(d, "l"), number(d, "e"), number(d, "c"), number(d, "s"), number(d, "value"),
                RiskColour.valueOf(d.getString("colour")), measures, d.getDate("createdAt").toInstant(),
                d.getDate("updatedAt").toInstant(), d.getString("updatedBy"));
    }

    private static Double number(Document d, String key) {
        Number n = d.get(key, Number.class);
        return n == null ? null : n.doubleValue();
    }
}
