package io.safetyhub.emergency.alarm;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.ReplaceOptions;
import io.safetyhub.emergency.common.Stored;
import io.safetyhub.emergency.config.EmergencyConfig;
import jakarta.enterprise.context.ApplicationScoped;
import org.bson.Document;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The local copy of the alarms ({@code alarms}, {@code _id} = alarm id) for the command map. Closed alarms stay as
 * their last state, so that a late, older event cannot bring one back open.
 */
@ApplicationScoped
public class AlarmView {
    private final MongoCollection<Document> alarms;

    public AlarmView(MongoClient mongo, EmergencyConfig config) {
        this.alarms = mongo.getDatabase(config.database()).getCollection("alarms");
        alarms.createIndex(Indexes.ascending("open", "district"), new IndexOptions().name("open_district"));
    }

    public Optional<KnownAlarm> byId(String id) {
        return Optional.ofNullable(alarms.find(Filters.eq("_id", id)).first()).map(d -> Stored.record(d, KnownAlarm.class));
    }

    /** Keeps {@code alarm} unless a copy from a newer event is already there; true when it was written. */
    public boolean keepIfNewer(KnownAlarm alarm) {
        boolean newer = byId(alarm.id()).map(known -> known.asOf() == null || alarm.asOf() == null
                || alarm.asOf().isAfter(known.asOf())).orElse(true);
        if (newer) {
            alarms.replaceOne(Filters.eq("_id", alarm.id()), Stored.document(alarm), new ReplaceOptions().upsert(true));
        }
        return newer;
    }

    /** The open alarms of one district, or of the city when {@code district} is null. */
    public List<KnownAlarm> open(String district) {
        List<KnownAlarm> out = new ArrayList<>();
        alarms.find(district == null ? Filters.eq("open", true) : Filters.and(Filters.eq("open", true), Filters.eq("district", district)))
                .forEach(d -> out.add(Stored.record(d, KnownAlarm.class)));
        return out;
    }
}
