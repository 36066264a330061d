package io.safetyhub.enforcement.penalty;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import io.quarkus.runtime.StartupEvent;
import io.safetyhub.enforcement.config.EnforcementConfig;
import io.safetyhub.platform.Problem;
import io.safetyhub.platform.rest.DomainException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.bson.Document;

import java.util.List;

/**
 * Decision numbers (处罚决定书文号), unique per district and year: the {@code decisions} collection holds one document per
 * decided case ({@code _id} = case id) under a unique index on district, year and number, so the database itself
 * refuses a number used twice, however many replicas decide at once.
 */
@ApplicationScoped
public class DecisionNumbers {
    private final MongoCollection<Document> decisions;

    public DecisionNumbers(
            MongoClient mongo,
            EnforcementConfig config) {
        this.decisions = mongo.getDatabase(config.database()).getCollection("decisions");
    }

    void indexes(@Observes StartupEvent ignored) {
        decisions.createIndex(Indexes.ascending("district", "year", "number"), new IndexOptions().unique(true)
                .name("decision_number_unique_per_district_and_year"));
    }

    /** Takes the number for the case, or answers 409 naming {@code decisionNumber} when it is taken. */
    public void reserve(String caseId, String district, int year, String number) {
        try {
            decisions.insertOne(new Document("_id", caseId).append("district", district).append("year", year)
                    .append("number", number));
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
                throw e;
            }
            String message = "'" + number + "' is already the number of another decision of " + district + " in " + year;
            throw new DomainException(409, "DECISION_NUMBER_TAKEN", "decisionNumber: " + message,
                    List.of(new Problem.FieldError("decisionNumber", message)));
        }
    }

    /** Gives the number back when the decision could not be recorded after all. */
    public void release(String caseId) {
        decisions.deleteOne(Filters.eq("_id", caseId));
    }
}
