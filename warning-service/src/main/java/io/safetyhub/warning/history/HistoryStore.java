package io.safetyhub.warning.history;

import com.mongodb.MongoBulkWriteException;
import com.mongodb.MongoException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import com.mongodb.client.model.WriteModel;
import io.safetyhub.events.Reading;
import io.safetyhub.warning.config.WarningConfig;
import jakarta.enterprise.context.ApplicationScoped;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * Every reading, kept in one document per device, metric and minute ({@code _id = deviceId|metric|bucketStart})
 * with its samples and min/max/sum/count, written by unordered bulk upserts (architecture.md, "Telemetry
 * history"): one bulkWrite per consumed batch instead of one insert per reading, and lookups by {@code _id}.
 * Idempotent per sample: each bucket keeps the {@code keys} (source epoch ms) it holds, so a batch
 * replayed after a crash, or a flush retried after a partial write, counts no reading twice.
 */
@ApplicationScoped
public class HistoryStore {
    private static final Logger LOG = Logger.getLogger(HistoryStore.class);
    private static final int MAX_ATTEMPTS = 12;
    private static final int DUPLICATE_KEY = 11000;

    private final MongoCollection<Document> buckets;
    private final Duration retention;
    private final Clock clock;
    /** Gathered since the last flush began; guarded by this object's monitor, so gathering never waits for MongoDB. */
    private Map<String, Bucket> pending = new LinkedHashMap<>();
    private int pendingSamples;
    /** Guards the writing side: one flush at a time, and {@link StoredKeys}. */
    private final Object writing = new Object();
    private final StoredKeys stored;

    /** Readings of one bucket gathered since the last flush, by sample key (source time, epoch ms). */
    private static final class Bucket {
        final Reading first;
        final Map<Long, Document> samples = new LinkedHashMap<>();

        Bucket(Reading first) {
            this.first = first;
        }
    }

    public HistoryStore(MongoClient mongo, WarningConfig config, Clock clock) {
        this.buckets = mongo.getDatabase(config.database()).getCollection("reading_buckets");
        this.retention = config.history().retention();
        this.clock = clock;
        this.stored = new StoredKeys(config.history().storedKeysCache());
        // Real MongoDB expires buckets by itself; the embedded server ignores this, hence also purge().
        buckets.createIndex(Indexes.ascending("expireAt"), new IndexOptions().expireAfter(0L, TimeUnit.SECONDS));
    }

    public static String bucketId(String deviceId, String metric, Instant bucketStart) {
        return deviceId + "|" + metric + "|" + bucketStart;
    }

    /**
     * Gathers a reading; bad-quality and non-finite values are kept too, flagged, because they are evidence.
     * A sample's key is its source time: a device reports one value per metric and instant, so a second
     * reading with the same key is a redelivery and is dropped here or, if already stored, at flush.
     */
    public synchronized void add(Reading r) {
        Instant start = r.sourceTimestamp().truncatedTo(ChronoUnit.MINUTES);
        Bucket b = pending.computeIfAbsent(bucketId(r.deviceId(), r.metric(), start), k -> new Bucket(r));
        double v = r.value();
        Document sample = new Document("t", Date.from(r.sourceTimestamp()))
                .append("v", Double.isFinite(v) ? v : null)
                .append("q", r.quality() == null ? null : r.quality().name());
        if (b.samples.putIfAbsent(r.sourceTimestamp().toEpochMilli(), sample) == null) {
            pendingSamples++;
        }
    }

    /** Samples gathered and not yet being written. */
    public synchronized int pendingSamples() {
        return pendingSamples;
    }

    private synchronized Map<String, Bucket> takePending() {
        Map<String, Bucket> taken = pending;
        pending = new LinkedHashMap<>();
        pendingSamples = 0;
        return taken;
    }

    /** A flush that gave up: its buckets go back, so that nothing gathered is dropped before a retry. */
    private synchronized void giveBack(Map<String, Bucket> taken) {
        taken.forEach((id, b) -> {
            Bucket now = pending.putIfAbsent(id, b);
            if (now != null) {
                b.samples.forEach((key, sample) -> {
                    if (now.samples.putIfAbsent(key, sample) == null) {
                        pendingSamples++;
                    }
                });
            } else {
                pendingSamples += b.samples.size();
            }
        });
    }

    /**
     * Writes everything gathered before the call, retrying with back-off; it throws only when MongoDB stays
     * unreachable, so that the consumed batches are not committed and Kafka delivers them again. Readings gathered
     * meanwhile wait for the next flush, without waiting for this one.
     */
    public int flush() {
        synchronized (writing) {
            Map<String, Bucket> taken = takePending();
            if (taken.isEmpty()) {
                return 0;
            }
            long backoff = 100;
            for (int attempt = 1; ; attempt++) {
                try {
                    write(taken, taken.keySet(), true);
                    return taken.size();
                } catch (MongoException e) {
                    if (attempt >= MAX_ATTEMPTS) {
                        giveBack(taken);
                        throw e;
                    }
                    // Safe to repeat: buckets already written now hold the keys and are skipped.
                    LOG.warnf("history flush failed (attempt %d), retrying: %s", attempt, e.getMessage());
                    sleep(backoff);
                    backoff = Math.min(backoff * 2, 5_000);
                }
            }
        }
    }

    /**
     * One round trip per batch in the steady state, none per reading: the keys already stored come from
     * {@link StoredKeys}, and only buckets it does not know are looked up (one {@code _id $in} query for all of them).
     * Then one unordered bulk of upserts by {@code _id} alone carrying only the samples not yet stored. The filter is
     * the bare {@code _id} on purpose: the embedded server uses its index only for a query on exactly the indexed
     * fields, and a guard such as {@code keys $nin […]} beside it made every upsert scan the whole collection (it
     * limited the pipeline to a few hundred readings/s once the collection had grown). Correct as long as one
     * instance writes a device's buckets at a time, which Kafka's partition assignment gives; the memory of stored
     * keys is dropped at every reassignment ({@code ReadingsRebalance}). A bucket that collides on insert (written
     * meanwhile) is forgotten, looked up and written once more; a second collision is taken as "already applied".
     */
    private void write(Map<String, Bucket> batch, Collection<String> ids, boolean lookAgain) {
        lookUp(ids.stream().filter(id -> !stored.knows(id)).toList());
        List<WriteModel<Document>> writes = new ArrayList<>(ids.size());
        List<String> written = new ArrayList<>(ids.size());
        List<Set<Long>> writtenKeys = new ArrayList<>(ids.size());
        for (String id : ids) {
            Bucket b = batch.get(id);
            Map<Long, Document> fresh = new LinkedHashMap<>(b.samples);
            fresh.keySet().removeIf(key -> stored.holds(id, key));
            if (!fresh.isEmpty()) {
                writes.add(upsert(id, b.first, fresh));
                written.add(id);
                writtenKeys.add(fresh.keySet());
            }
        }
        if (writes.isEmpty()) {
            return;
        }
        Set<Integer> collided = new HashSet<>();
        try {
            buckets.bulkWrite(writes, new BulkWriteOptions().ordered(false));
        } catch (MongoBulkWriteException e) {
            boolean onlyDuplicates = e.getWriteConcernError() == null
                    && e.getWriteErrors().stream().allMatch(w -> w.getCode() == DUPLICATE_KEY);
            if (!onlyDuplicates) {
                written.forEach(stored::forget); // which writes landed is unknown: look them all up on the retry
                throw e;
            }
            e.getWriteErrors().forEach(w -> collided.add(w.getIndex()));
        } catch (MongoException e) {
            written.forEach(stored::forget);
            throw e;
        }
        List<String> again = new ArrayList<>();
        for (int i = 0; i < written.size(); i++) {
            if (collided.contains(i)) {
                stored.forget(written.get(i));
                again.add(written.get(i));
            } else {
                stored.add(written.get(i), writtenKeys.get(i));
            }
        }
        if (!again.isEmpty()) {
            if (lookAgain) {
                write(batch, again, false);
            } else {
                LOG.debugf("history: %d bucket writes already applied (replayed samples)", again.size());
            }
        }
    }

    /** Loads the stored keys of buckets not in {@link StoredKeys}; a bucket not found holds none yet. */
    private void lookUp(List<String> ids) {
        if (ids.isEmpty()) {
            return;
        }
        Map<String, List<Long>> found = new HashMap<>();
        for (Document d : buckets.find(Filters.in("_id", ids)).projection(Projections.include("keys"))) {
            found.put(d.getString("_id"), d.getList("keys", Long.class, List.of()));
        }
        ids.forEach(id -> stored.replace(id, found.getOrDefault(id, List.of())));
    }

    private UpdateOneModel<Document> upsert(String id, Reading first, Map<Long, Document> samples) {
        Instant start = first.sourceTimestamp().truncatedTo(ChronoUnit.MINUTES);
        long counted = 0;
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        double sum = 0;
        for (Document s : samples.values()) {
            if (s.get("v") != null && !"BAD".equals(s.get("q"))) {
                double v = s.getDouble("v");
                counted++;
                min = Math.min(min, v);
                max = Math.max(max, v);
                sum += v;
            }
        }
        List<Bson> updates = new ArrayList<>(List.of(
                Updates.setOnInsert("deviceId", first.deviceId()),
                Updates.setOnInsert("enterpriseId", first.enterpriseId()),
                Updates.setOnInsert("metric", first.metric()),
                Updates.setOnInsert("unit", first.unit()),
                Updates.setOnInsert("bucketStart", Date.from(start)),
                Updates.setOnInsert("expireAt", Date.from(start.plus(retention))),
                Updates.pushEach("keys", new ArrayList<>(samples.keySet())),
                Updates.pushEach("samples", new ArrayList<>(samples.values())),
                Updates.inc("count", counted),
                Updates.inc("sum", sum)));
        if (counted > 0) {
            updates.add(Updates.min("min", min));
            updates.add(Updates.max("max", max));
        }
        return new UpdateOneModel<>(Filters.eq("_id", id), Updates.combine(updates), new UpdateOptions().upsert(true));
    }

    /** The buckets with these ids (a primary-key lookup, fast on the embedded server too). */
    public List<Document> byIds(List<String> ids) {
        return buckets.find(Filters.in("_id", ids)).into(new ArrayList<>());
    }

    /** Drops the memory of stored keys: the next flush of every bucket looks its keys up first. */
    public void forgetStoredKeys() {
        synchronized (writing) {
            stored.clear();
        }
    }

    /** Deletes expired buckets; needed where TTL indexes are not honoured (the embedded server). */
    public long purge() {
        forgetStoredKeys();
        return buckets.deleteMany(Filters.lt("expireAt", Date.from(clock.instant()))).getDeletedCount();
    }

    public void deleteAll() {
        forgetStoredKeys();
        buckets.deleteMany(new Document());
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while retrying a history flush", e);
        }
    }
}
