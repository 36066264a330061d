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
    private final Map<String, Bucket> pending = new LinkedHashMap<>();

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
        b.samples.putIfAbsent(r.sourceTimestamp().toEpochMilli(), new Document("t", Date.from(r.sourceTimestamp()))
                .append("v", Double.isFinite(v) ? v : null)
                .append("q", r.quality() == null ? null : r.quality().name()));
    }

    /**
     * Writes what was gathered, retrying with back-off; it throws only when MongoDB stays unreachable, so
     * that the consumed batch is not committed and Kafka delivers it again.
     */
    public synchronized int flush() {
        if (pending.isEmpty()) {
            return 0;
        }
        long backoff = 100;
        for (int attempt = 1; ; attempt++) {
            try {
                write();
                int n = pending.size();
                pending.clear();
                return n;
            } catch (MongoException e) {
                if (attempt >= MAX_ATTEMPTS) {
                    throw e;
                }
                // Safe to repeat: buckets already written now hold the keys and are skipped.
                LOG.warnf("history flush failed (attempt %d), retrying: %s", attempt, e.getMessage());
                sleep(backoff);
                backoff = Math.min(backoff * 2, 5_000);
            }
        }
    }

    /**
     * Two round trips per batch, none per reading: one lookup of the keys the batch's buckets already hold
     * (by _id), then one unordered bulk of guarded upserts carrying only the samples not yet stored. The
     * guard {@code keys $nin [new keys]} makes a write that races a replay of the same samples miss; its
     * upsert then collides on _id, and that duplicate-key error means "already applied".
     */
    private void write() {
        Map<String, Set<Long>> stored = new HashMap<>();
        Bson onlyKeys = Projections.include("keys");
        for (Document d : buckets.find(Filters.in("_id", new ArrayList<>(pending.keySet()))).projection(onlyKeys)) {
            stored.put(d.getString("_id"), new HashSet<>(d.getList("keys", Long.class, List.of())));
        }
        List<WriteModel<Document>> writes = new ArrayList<>(pending.size());
        pending.forEach((id, b) -> {
            Set<Long> have = stored.getOrDefault(id, Set.of());
            Map<Long, Document> fresh = new LinkedHashMap<>(b.samples);
            fresh.keySet().removeAll(have);
            if (!fresh.isEmpty()) {
                writes.add(upsert(id, b.first, fresh));
            }
        });
        if (writes.isEmpty()) {
            return;
        }
        try {
            buckets.bulkWrite(writes, new BulkWriteOptions().ordered(false));
        } catch (MongoBulkWriteException e) {
            boolean onlyDuplicates = e.getWriteConcernError() == null
                    && e.getWriteErrors().stream().allMatch(w -> w.getCode() == DUPLICATE_KEY);
            if (!onlyDuplicates) {
                throw e;
            }
            LOG.debugf("history: %d bucket writes already applied (replayed samples)", e.getWriteErrors().size());
        }
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
        Bson guard = Filters.and(Filters.eq("_id", id), Filters.nin("keys", new ArrayList<>(samples.keySet())));
        return new UpdateOneModel<>(guard, Updates.combine(updates), new UpdateOptions().upsert(true));
    }

    /** The buckets with these ids (a primary-key lookup, fast on the embedded server too). */
    public List<Document> byIds(List<String> ids) {
        return buckets.find(Filters.in("_id", ids)).into(new ArrayList<>());
    }

    /** Deletes expired buckets; needed where TTL indexes are not honoured (the embedded server). */
    public long purge() {
        return buckets.deleteMany(Filters.lt("expireAt", Date.from(clock.instant()))).getDeletedCount();
    }

    public void deleteAll() {
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
