package io.safetyhub.warning.history;

import com.mongodb.MongoException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import com.mongodb.client.model.WriteModel;
import io.safetyhub.events.Reading;
import io.safetyhub.warning.config.WarningConfig;
import jakarta.enterprise.context.ApplicationScoped;
import org.bson.Document;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Every reading, kept in one document per device, metric and minute ({@code _id = deviceId|metric|bucketStart})
 * with its samples and min/max/sum/count, written by unordered bulk upserts (architecture.md, "Telemetry
 * history"): one bulkWrite per consumed batch instead of one insert per reading, and lookups by {@code _id}.
 */
@ApplicationScoped
public class HistoryStore {
    private static final Logger LOG = Logger.getLogger(HistoryStore.class);
    private static final int MAX_ATTEMPTS = 12;

    private final MongoCollection<Document> buckets;
    private final Duration retention;
    private final Clock clock;
    private final Map<String, Bucket> pending = new LinkedHashMap<>();

    /** Readings of one bucket gathered since the last flush. */
    private static final class Bucket {
        final Reading first;
        final List<Document> samples = new ArrayList<>();
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        double sum;

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

    /** Gathers a reading; bad-quality and non-finite values are kept too, flagged, because they are evidence. */
    public synchronized void add(Reading r) {
        Instant start = r.sourceTimestamp().truncatedTo(ChronoUnit.MINUTES);
        Bucket b = pending.computeIfAbsent(bucketId(r.deviceId(), r.metric(), start), k -> new Bucket(r));
        double v = r.value();
        b.samples.add(new Document("t", Date.from(r.sourceTimestamp())).append("v", Double.isFinite(v) ? v : null)
                .append("q", r.quality() == null ? null : r.quality().name()));
        if (Double.isFinite(v) && r.quality() != io.safetyhub.events.Quality.BAD) {
            b.min = Math.min(b.min, v);
            b.max = Math.max(b.max, v);
            b.sum += v;
        }
    }

    /**
     * Writes what was gathered, retrying with back-off; it throws only when MongoDB stays unreachable, so
     * that the consumed batch is not committed and Kafka delivers it again.
     */
    public synchronized int flush() {
        if (pending.isEmpty()) {
            return 0;
        }
        List<WriteModel<Document>> writes = new ArrayList<>(pending.size());
        pending.forEach((id, b) -> writes.add(upsert(id, b)));
        long backoff = 100;
        for (int attempt = 1; ; attempt++) {
            try {
                buckets.bulkWrite(writes, new BulkWriteOptions().ordered(false));
                int n = pending.size();
                pending.clear();
                return n;
            } catch (MongoException e) {
                if (attempt >= MAX_ATTEMPTS) {
                    throw e;
                }
                LOG.warnf("history flush failed (attempt %d), retrying: %s", attempt, e.getMessage());
                sleep(backoff);
                backoff = Math.min(backoff * 2, 5_000);
            }
        }
    }

    private UpdateOneModel<Document> upsert(String id, Bucket b) {
        Instant start = b.first.sourceTimestamp().truncatedTo(ChronoUnit.MINUTES);
        long counted = b.samples.stream().filter(s -> s.get("v") != null && !"BAD".equals(s.get("q"))).count();
        List<org.bson.conversions.Bson> updates = new ArrayList<>(List.of(
                Updates.setOnInsert("deviceId", b.first.deviceId()),
                Updates.setOnInsert("enterpriseId", b.first.enterpriseId()),
                Updates.setOnInsert("metric", b.first.metric()),
                Updates.setOnInsert("unit", b.first.unit()),
                Updates.setOnInsert("bucketStart", Date.from(start)),
                Updates.setOnInsert("expireAt", Date.from(start.plus(retention))),
                Updates.pushEach("samples", b.samples),
                Updates.inc("count", counted),
                Updates.inc("sum", b.sum)));
        if (counted > 0) {
            updates.add(Updates.min("min", b.min));
            updates.add(Updates.max("max", b.max));
        }
        return new UpdateOneModel<>(Filters.eq("_id", id), Updates.combine(updates), new UpdateOptions().upsert(true));
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
