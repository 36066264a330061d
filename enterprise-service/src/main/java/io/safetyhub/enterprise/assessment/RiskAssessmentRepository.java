package io.safetyhub.enterprise.assessment;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Sorts;
import io.quarkus.runtime.StartupEvent;
import io.safetyhub.enterprise.config.EnterpriseConfig;
import io.safetyhub.enterprise.enterprise.RiskColour;
import io.safetyhub.platform.rest.PageRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.bson.Document;
import org.bson.conversions.Bson;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;

/** The {@code risk_assessments} collection (score and points as decimal text): every assessment kept; the latest (by day, then recording) is in force. */
@ApplicationScoped
public class RiskAssessmentRepository {
    private static final Bson NEWEST_FIRST = Sorts.descending("assessedOn", "recordedAt");

    private final MongoCollection<Document> collection;

    public RiskAssessmentRepository(MongoClient mongo, EnterpriseConfig config) {
        this.collection = mongo.getDatabase(config.database()).getCollection("risk_assessments");
    }

    void createIndexes(@Observes StartupEvent ignored) {
        collection.createIndex(Indexes.ascending("enterpriseId", "assessedOn", "recordedAt"),
                new IndexOptions().name("enterprise_day"));
    }

    public void insert(RiskAssessment a) {
        List<Document> items = a.deductions().stream().map(i -> new Document("code", i.code())
                .append("points", i.points().toPlainString()).append("finding", i.finding())).toList();
        collection.insertOne(new Document("_id", a.id()).append("enterpriseId", a.enterpriseId())
                .append("district", a.district()).append("town", a.town()).append("assessedOn", a.assessedOn().toString())
                .append("assessor", a.assessor()).append("deductions", items).append("bonuses", a.bonuses())
                .append("directRed", a.directRed().stream().map(Enum::name).toList())
                .append("score", a.score().toPlainString()).append("colour", a.colour().name()).append("note", a.note())
                .append("recordedBy", a.recordedBy()).append("recordedAt", Date.from(a.recordedAt())));
    }

    public Optional<RiskAssessment> findById(String id) {
        return Optional.ofNullable(collection.find(Filters.eq("_id", id)).first()).map(RiskAssessmentRepository::of);
    }

    /** The assessment in force: the latest one of the enterprise. */
    public Optional<RiskAssessment> latest(String enterpriseId) {
        return Optional.ofNullable(collection.find(Filters.eq("enterpriseId", enterpriseId)).sort(NEWEST_FIRST).first())
                .map(RiskAssessmentRepository::of);
    }

    public List<RiskAssessment> of(String enterpriseId, PageRequest page) {
        List<RiskAssessment> found = new ArrayList<>();
        for (Document d : collection.find(Filters.eq("enterpriseId", enterpriseId)).sort(NEWEST_FIRST).skip(page.skip())
                .limit(page.size())) {
            found.add(of(d));
        }
        return found;
    }

    public long count(String enterpriseId) {
        return collection.countDocuments(Filters.eq("enterpriseId", enterpriseId));
    }

    private static RiskAssessment of(Document d) {
        List<RiskAssessment.Item> items = d.getList("deductions", Document.class, List.of()).stream()
                .map(i -> new RiskAssessment.Item(i.getString("code"), decimal(i.get("points")), i.getString("finding")))
                .toList();
        return new RiskAssessment(d.getString("_id"), d.getString("enterpriseId"), d.getString("district"),
                d.getString("town"), LocalDate.parse(d.getString("assessedOn")), d.getString("assessor"), items,
                d.getList("bonuses", String.class, List.of()),
                d.getList("directRed", String.class, List.of()).stream().map(DirectRed::valueOf).toList(),
                decimal(d.get("score")), RiskColour.valueOf(d.getString("colour")), d.getString("note"),
                d.getString("recordedBy"), d.getDate("recordedAt").toInstant());
    }

    /** Decimals are stored as their plain text: exact, and readable by any MongoDB wire server. */
    private static BigDecimal decimal(Object value) {
        return value == null ? null : new BigDecimal(value.toString());
    }
}
