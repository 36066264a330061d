package io.safetyhub.warning.alarm;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;
import io.safetyhub.warning.config.WarningConfig;
import jakarta.enterprise.context.ApplicationScoped;
import org.bson.Document;

import java.util.ArrayList;
import java.util.Date;
import java.util.List;

/**
 * Shelvings in MongoDB ({@code shelves}, one document per enterprise and device, {@code _id} = {@code enterpriseId|deviceId}).
 * Documents written before the key had the enterprise ({@code _id} = device id, no {@code deviceId} field) are still
 * read, and replaced by the keyed document when their enterprise shelves the device again.
 */
@ApplicationScoped
public class MongoShelfRepository implements ShelfRepository {
    private final MongoCollection<Document> shelves;

    public MongoShelfRepository(MongoClient mongo, WarningConfig config) {
        this.shelves = mongo.getDatabase(config.database()).getCollection("shelves");
    }

    @Override
    public List<Shelves.Shelf> findAll() {
        return shelves.find().map(d -> new Shelves.Shelf(
                d.getString("deviceId") != null ? d.getString("deviceId") : d.getString("_id"), d.getString("enterpriseId"),
                d.getDate("until").toInstant(), d.getString("reason"), d.getString("by"), d.getDate("at").toInstant()))
                .into(new ArrayList<>());
    }

    @Override
    public void save(Shelves.Shelf s) {
        String id = Shelves.key(s.enterpriseId(), s.deviceId());
        shelves.replaceOne(Filters.eq("_id", id), new Document("_id", id).append("deviceId", s.deviceId())
                        .append("enterpriseId", s.enterpriseId()).append("until", Date.from(s.until()))
                        .append("reason", s.reason()).append("by", s.by()).append("at", Date.from(s.at())),
                new ReplaceOptions().upsert(true));
        shelves.deleteOne(Filters.and(Filters.eq("_id", s.deviceId()), Filters.eq("enterpriseId", s.enterpriseId())));
    }

    @Override
    public void deleteAll() {
        shelves.deleteMany(new Document());
    }
}
