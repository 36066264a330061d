package io.safetyhub.enforcement.penalty;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.Sorts;
import io.safetyhub.enforcement.config.EnforcementConfig;
import jakarta.enterprise.context.ApplicationScoped;
import org.bson.Document;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The {@code violations} collection (the catalogue), {@code _id} = code. */
@ApplicationScoped
public class ViolationRepository {
    private final MongoCollection<Document> violations;

    public ViolationRepository(
            MongoClient mongo,
            EnforcementConfig config) {
        this.violations = mongo.getDatabase(config.database()).getCollection("violations");
    }

    public Optional<Violation> byCode(String code) {
        return Optional.ofNullable(violations.find(Filters.eq("_id", code)).first()).map(ViolationRepository::read);
    }

    public List<Violation> all() {
        List<Violation> out = new ArrayList<>();
        violations.find().sort(Sorts.ascending("_id")).forEach(d -> out.add(read(d)));
        return out;
    }

    public void put(Violation v) {
        violations.replaceOne(Filters.eq("_id", v.code()), write(v), new ReplaceOptions().upsert(true));
    }

    /** Seeds an entry unless its code exists: an operator's edits survive restarts. */
    public boolean insertIfAbsent(Violation v) {
        if (byCode(v.code()).isPresent()) {
            return false;
        }
        put(v);
        return true;
    }

    private static Document write(Violation v) {
        return new Document("_id", v.code()).append("title", v.title()).append("article", v.article())
                .append("fineMin", v.fineMin()).append("fineMax", v.fineMax()).append("note", v.note());
    }

    private static Violation read(Document d) {
        return new Violation(d.getString("_id"), d.getString("title"), d.getString("article"),
                ((Number) d.get("fineMin")).longValue(), ((Number) d.get("fineMax")).longValue(), d.getString("note"));
    }
}
