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

/** Shelvings in MongoDB ({@code shelves}, one document per device). */
@ApplicationScoped
public class MongoShelfRepository implements ShelfRepository {
    private final MongoCollection<Document> shelves;

    public MongoShelfRepository(MongoClient mongo, WarningConfig config) {
        this.shelves = mongo.getDatabase(config.database()).getCollection("shelves");
    }

    @Override
    public List<Shelves.Shelf> findAll() {
        return shelves.find().map(d -> new Shelves.Shelf(d.getString("_id"), d.getString("enterpriseId"),
                d.getDate("until").toInstant(), d.getString("reason"), d.getString("by"), d.getDate("at").toInstant()))
                .into(new ArrayList<>());
    }

    @Override
    public void save(Shelves.Shelf s) {
        shelves.replaceOne(Filters.eq("_id", s.deviceId()), new Document("_id", s.deviceId())
                        .append("enterpriseId", s.enterpriseId()).append("until", Date.from(s.until()))
                        .append("reason", s.reason()).append("by", s.by()).append("at", Date.from(s.at())),
                new ReplaceOptions().upsert(true));
    }

    @Override
    public void deleteAll() {
        shelves.deleteMany(new Document());
    }
}
