package io.safetyhub.warning.alarm;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;
import io.safetyhub.warning.config.WarningConfig;
import jakarta.enterprise.context.ApplicationScoped;
import org.bson.Document;

import java.time.Instant;
import java.util.Date;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Devices shelved for maintenance until a time: their alarms are recorded but suppressed (not notified). */
@ApplicationScoped
public class Shelves {
    /** One shelving of one device. */
    public record Shelf(String deviceId, String enterpriseId, Instant until, String reason, String by, Instant at) {
    }

    private final MongoCollection<Document> shelves;
    private final Map<String, Shelf> byDevice = new ConcurrentHashMap<>();

    public Shelves(MongoClient mongo, WarningConfig config) {
        this.shelves = mongo.getDatabase(config.database()).getCollection("shelves");
        for (Document d : shelves.find()) {
            byDevice.put(d.getString("_id"), new Shelf(d.getString("_id"), d.getString("enterpriseId"),
                    d.getDate("until").toInstant(), d.getString("reason"), d.getString("by"), d.getDate("at").toInstant()));
        }
    }

    public void put(Shelf s) {
        shelves.replaceOne(Filters.eq("_id", s.deviceId()), new Document("_id", s.deviceId())
                .append("enterpriseId", s.enterpriseId()).append("until", Date.from(s.until()))
                .append("reason", s.reason()).append("by", s.by()).append("at", Date.from(s.at())),
                new ReplaceOptions().upsert(true));
        byDevice.put(s.deviceId(), s);
    }

    /** True while the device of this enterprise is within its maintenance window. */
    public boolean isShelved(String deviceId, String enterpriseId, Instant now) {
        Shelf s = byDevice.get(deviceId);
        return s != null && now.isBefore(s.until()) && s.enterpriseId().equals(enterpriseId);
    }

    public void deleteAll() {
        shelves.deleteMany(new Document());
        byDevice.clear();
    }
}
