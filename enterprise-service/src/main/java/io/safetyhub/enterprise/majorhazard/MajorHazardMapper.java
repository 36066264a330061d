package io.safetyhub.enterprise.majorhazard;

import jakarta.enterprise.context.ApplicationScoped;
import org.bson.Document;

import java.util.Date;
import java.util.List;

/** {@link MajorHazard} to and from its MongoDB document and its REST view (with the assessment of now). */
@ApplicationScoped
public class MajorHazardMapper {
    private static final List<String> LABELS = List.of("一级", "二级", "三级", "四级");

    public Document toDocument(MajorHazard m) {
        return new Document("_id", m.id())
                .append("enterpriseId", m.enterpriseId())
                .append("district", m.district())
                .append("town", m.town())
                .append("name", m.name())
                .append("unitType", m.unitType().name())
                .append("peopleWithin500m", m.peopleWithin500m())
                .append("substances", m.substances().stream().map(x -> new Document("substance", x.substance())
                        .append("category", x.category() == null ? null : x.category().name())
                        .append("quantity", x.quantity())).toList())
                .append("s", m.s())
                .append("r", m.r())
                .append("grade", m.grade() == null ? null : m.grade().name())
                .append("createdAt", Date.from(m.createdAt()))
                .append("updatedAt", Date.from(m.updatedAt()))
                .append("updatedBy", m.updatedBy());
    }

    public MajorHazard fromDocument(Document d) {
        List<MajorHazard.Substance> substances = d.getList("substances", Document.class, List.of()).stream()
                .map(x -> new MajorHazard.Substance(x.getString("substance"),
                        x.getString("category") == null ? null : HazardCategory.valueOf(x.getString("category")),
                        x.get("quantity", Number.class).doubleValue())).toList();
        String grade = d.getString("grade");
        return new MajorHazard(d.getString("_id"), d.getString("enterpriseId"), d.getString("district"),
                d.getString("town"), d.getString("name"), UnitType.valueOf(d.getString("unitType")),
                d.get("peopleWithin500m", Number.class).intValue(), substances, d.get("s", Number.class).doubleValue(),
                d.get("r", Number.class).doubleValue(), grade == null ? null : MajorHazardGrade.valueOf(grade),
                d.getDate("createdAt").toInstant(), d.getDate("updatedAt").toInstant(), d.getString("updatedBy"));
    }

    public MajorHazardView toView(MajorHazard m, Assessment a) {
        List<MajorHazardView.SubstanceLine> lines = new java.util.ArrayList<>();
        for (int i = 0; i < a.lines().size(); i++) {
            Assessment.Line l = a.lines().get(i);
            lines.add(new MajorHazardView.SubstanceLine(l.substance(), m.substances().get(i).category(),
                    l.quantity().doubleValue(), l.threshold().doubleValue(), l.thresholdClause(), l.beta().doubleValue(),
                    l.betaClause()));
        }
        return new MajorHazardView(m.id(), m.enterpriseId(), m.district(), m.town(), m.name(), m.unitType(),
                m.peopleWithin500m(), lines, a.s().doubleValue(), a.alpha().doubleValue(), a.r().doubleValue(), a.major(),
                a.grade(), label(a.grade()), m.createdAt(), m.updatedAt(), m.updatedBy());
    }

    public static String label(MajorHazardGrade grade) {
        return grade == null ? null : LABELS.get(grade.level() - 1);
    }
}
