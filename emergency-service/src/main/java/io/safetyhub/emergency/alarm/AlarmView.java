package io.safetyhub.emergency.alarm;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
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
import org.bson.conversions.Bson;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The local copy of the alarms ({@code alarms}, {@code _id} = alarm id) for the command map. Closed alarms stay as
 * their last state, so that a late, older event cannot bring one back open, for
 * {@code emergency.map.closed-alarm-retention} after their last event ({@code expireAt}); then they go. Each copy also
 * carries {@code asOfNanos} (its {@code asOf} in nanoseconds since the epoch; the ISO text does not sort when the
 * fractions differ in length), so that "newer than the stored copy" is decided by the store in one conditional write.
 */
@ApplicationScoped
public class AlarmView {
    private static final String AS_OF_NANOS = "asOfNanos";
    /** On closed copies only: when the copy may go ({@link #purgeClosed}; real MongoDB's TTL index does it itself). */
    private static final String EXPIRE_AT = "expireAt";
    private final MongoCollection<Document> alarms;
    private final Duration closedRetention;

    public AlarmView(MongoClient mongo, EmergencyConfig config) {
        this.alarms = mongo.getDatabase(config.database()).getCollection("alarms");
        this.closedRetention = config.map().closedAlarmRetention();
        alarms.createIndex(Indexes.ascending("open", "district"), new IndexOptions().name("open_district"));
        alarms.createIndex(Indexes.ascending(EXPIRE_AT), new IndexOptions().expireAfter(0L, TimeUnit.SECONDS));
    }

    public Optional<KnownAlarm> byId(String id) {
        return Optional.ofNullable(alarms.find(Filters.eq("_id", id)).first()).map(d -> Stored.record(d, KnownAlarm.class));
    }

    /**
     * Keeps {@code alarm} unless a copy from a newer event is already there; true when it was written. One round trip:
     * the replacement applies only where the stored copy is older (or has no time), and where a newer copy exists the
     * upsert's insert fails on the id, which is the answer "not newer". An alarm without a time always replaces.
     */
    public boolean keepIfNewer(KnownAlarm alarm) {
        Document copy = Stored.document(alarm);
        if (!alarm.open()) {
            copy.append(EXPIRE_AT, Date.from((alarm.asOf() == null ? Instant.now() : alarm.asOf()).plus(closedRetention)));
        }
        Bson filter = Filters.eq("_id", alarm.id());
        if (alarm.asOf() != null) {
            long asOfNanos = nanos(alarm.asOf());
            copy.append(AS_OF_NANOS, asOfNanos);
            filter = Filters.and(filter, Filters.or(Filters.lt(AS_OF_NANOS, asOfNanos), Filters.exists(AS_OF_NANOS, false)));
        }
        try {
            alarms.replaceOne(filter, copy, new ReplaceOptions().upsert(true));
            return true;
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() == ErrorCategory.DUPLICATE_KEY) {
                return false; // a copy as new or newer is there
            }
            throw e;
        }
    }

    private static long nanos(Instant instant) {
        return Math.addExact(Math.multiplyExact(instant.getEpochSecond(), 1_000_000_000L), instant.getNano());
    }

    /**
     * Removes the closed copies whose retention has passed; the number removed. The embedded server ignores the TTL
     * index, hence this. Idempotent, so every replica may run it: no lease is needed.
     */
    public long purgeClosed(Instant now) {
        return alarms.deleteMany(Filters.and(Filters.eq("open", false), Filters.lt(EXPIRE_AT, Date.from(now))))
                .getDeletedCount();
    }

    /** The open alarms of one district, or of the city when {@code district} is null. */
    public List<KnownAlarm> open(String district) {
        List<KnownAlarm> out = new ArrayList<>();
        alarms.find(district == null ? Filters.eq("open", true) : Filters.and(Filters.eq("open", true), Filters.eq("district", district)))
                .forEach(d -> out.add(Stored.record(d, KnownAlarm.class)));
        return out;
    }
}
