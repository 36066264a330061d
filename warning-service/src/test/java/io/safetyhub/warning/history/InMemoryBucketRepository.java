package io.safetyhub.warning.history;

import org.bson.Document;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The bucket store in memory, for plain JUnit: what {@link MongoBucketRepository} does (insert once; a collision adds
 * only the samples not yet held, by key), counting operations the same way (one per insert call, two per merge).
 */
public class InMemoryBucketRepository implements BucketRepository {
    private final Map<String, Document> stored = new LinkedHashMap<>();
    private final Duration retention;
    private final AtomicLong operations = new AtomicLong();
    /** While set, every insert fails as if MongoDB were away. */
    public volatile boolean refuse;

    public InMemoryBucketRepository(Duration retention) {
        this.retention = retention;
    }

    @Override
    public synchronized void insert(List<OpenBucket> sealed) {
        operations.incrementAndGet();
        if (refuse) {
            throw new com.mongodb.MongoException("MongoDB away (test)");
        }
        for (OpenBucket b : sealed) {
            Document fresh = b.toDocument(retention);
            Document old = stored.get(b.id);
            if (old == null) {
                stored.put(b.id, fresh);
                continue;
            }
            operations.addAndGet(2);
            BucketColumns held = BucketColumns.of(old);
            stored.put(b.id, held.union(BucketColumns.of(b)).writeTo(b.header(retention)));
        }
    }

    @Override
    public synchronized List<Document> byIds(List<String> ids) {
        return ids.stream().map(stored::get).filter(d -> d != null).toList();
    }

    @Override
    public synchronized long purge(Instant now) {
        int before = stored.size();
        stored.values().removeIf(d -> d.getDate("expireAt").toInstant().isBefore(now));
        return before - stored.size();
    }

    @Override
    public synchronized void deleteAll() {
        stored.clear();
    }

    @Override
    public long operations() {
        return operations.get();
    }

    public synchronized int size() {
        return stored.size();
    }
}
