package io.safetyhub.adapter.installation;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;
import jakarta.enterprise.context.ApplicationScoped;
import org.bson.Document;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The installations copied from {@code enterprise.major-hazards.v1} (Mongo collection {@code installations},
 * {@code _id} = installation id). Kept in Mongo, like the enterprise districts, so that a restarted adapter (and every
 * replica) has the view at once and the consumer only needs what changed since its committed offset. Read only on
 * device writes and reads over REST, never on the telemetry path.
 */
@ApplicationScoped
public class Installations {
    private final MongoCollection<Document> installations;

    public Installations(MongoClient client, @ConfigProperty(name = "quarkus.mongodb.database") String database) {
        this.installations = client.getDatabase(database).getCollection("installations");
    }

    public void put(Installation installation) {
        installations.replaceOne(Filters.eq("_id", installation.id()),
                new Document("_id", installation.id()).append("enterpriseId", installation.enterpriseId())
                        .append("name", installation.name()).append("grade", installation.grade()),
                new ReplaceOptions().upsert(true));
    }

    public void remove(String installationId) {
        installations.deleteOne(Filters.eq("_id", installationId));
    }

    public Optional<Installation> find(String installationId) {
        if (installationId == null) {
            return Optional.empty();
        }
        return Optional.ofNullable(installations.find(Filters.eq("_id", installationId)).first())
                .map(Installations::fromDocument);
    }

    /** The known installations among these ids, by id: one query for a page of devices. */
    public Map<String, Installation> findAll(Collection<String> installationIds) {
        Map<String, Installation> found = new HashMap<>();
        if (installationIds.isEmpty()) {
            return found;
        }
        installations.find(Filters.in("_id", installationIds)).forEach(d -> found.put(d.getString("_id"),
                fromDocument(d)));
        return found;
    }

    private static Installation fromDocument(Document d) {
        return new Installation(d.getString("_id"), d.getString("enterpriseId"), d.getString("name"),
                d.getInteger("grade"));
    }
}
