package io.safetyhub.warning.history;

import com.mongodb.MongoBulkWriteException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.InsertManyOptions;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.ReplaceOptions;
import io.safetyhub.warning.config.WarningConfig;
import jakarta.enterprise.context.ApplicationScoped;
import org.bson.Document;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * History buckets in MongoDB ({@code reading_buckets}, {@code _id = deviceId|metric|bucketStart}): unordered
 * {@code insertMany}s of at most {@link #MAX_SAMPLES_PER_INSERT} samples per sealing, by primary key only (the
 * embedded server uses its index only for a query on exactly the indexed fields). A collision (duplicate
 * {@code _id}) takes the rare path: one lookup of the stored bucket's columns and one replace with the union
 * ({@link BucketColumns}).
 */
@ApplicationScoped
public class MongoBucketRepository implements BucketRepository {
    private static final Logger LOG = Logger.getLogger(MongoBucketRepository.class);
    private static final int DUPLICATE_KEY = 11000;

    private final MongoCollection<Document> buckets;
    private final Duration retention;
    private final AtomicLong operations = new AtomicLong();

    public MongoBucketRepository(MongoClient mongo, WarningConfig config) {
        this.buckets = mongo.getDatabase(config.database()).getCollection("reading_buckets");
        this.retention = config.history().retention();
        // Real MongoDB expires buckets by itself; the embedded server ignores this, hence also purge().
        buckets.createIndex(Indexes.ascending("expireAt"), new IndexOptions().expireAfter(0L, TimeUnit.SECONDS));
    }

    /**
     * At most this many samples go into one {@code insertMany}. A minute's sealing at 10,000 readings/s is ~600,000
     * samples; built as documents all at once they were ~30 MB of boxed times and values alive together while the
     * insert ran, for the young collections to copy and promote, and the heap to grow for. Chunks keep that to ~1 MB,
     * for a round trip per ~16,000 samples.
     */
    static final int MAX_SAMPLES_PER_INSERT = 16_384;

    /** Unordered inserts of the sealed buckets, a chunk at a time; collided ones merge what the stored one lacks. */
    @Override
    public void insert(List<OpenBucket> sealed) {
        int from = 0;
        while (from < sealed.size()) {
            int to = from;
            long samples = 0;
            do {
                samples += sealed.get(to++).size();
            } while (to < sealed.size() && samples + sealed.get(to).size() <= MAX_SAMPLES_PER_INSERT);
            insertChunk(sealed.subList(from, to));
            from = to;
        }
    }

    private void insertChunk(List<OpenBucket> chunk) {
        List<Document> docs = new ArrayList<>(chunk.size());
        chunk.forEach(b -> docs.add(b.toDocument(retention)));
        Set<Integer> collided = new HashSet<>();
        try {
            count(1);
            buckets.insertMany(docs, new InsertManyOptions().ordered(false));
        } catch (MongoBulkWriteException e) {
            boolean onlyDuplicates = e.getWriteConcernError() == null
                    && e.getWriteErrors().stream().allMatch(w -> w.getCode() == DUPLICATE_KEY);
            if (!onlyDuplicates) {
                throw e;
            }
            e.getWriteErrors().forEach(w -> collided.add(w.getIndex()));
        }
        docs.clear(); // the documents can go before the rare merges below
        for (int i : collided) {
            merge(chunk.get(i));
        }
    }

    /**
     * The rare path: the stored samples and the new ones, by source time, written back whole with their summary
     * (idempotent: a time already stored keeps its stored sample). Only this partition's owner writes the bucket.
     */
    private void merge(OpenBucket b) {
        count(1);
        Document stored = buckets.find(Filters.eq("_id", b.id)).projection(Projections.include("t", "v", "q")).first();
        BucketColumns fresh = BucketColumns.of(b);
        BucketColumns merged = stored == null ? fresh : BucketColumns.of(stored).union(fresh);
        if (stored != null && merged.size() == BucketColumns.of(stored).size()) {
            LOG.debugf("history: bucket %s already holds every replayed sample", b.id);
            return;
        }
        count(1);
        buckets.replaceOne(Filters.eq("_id", b.id), merged.writeTo(b.header(retention)),
                new ReplaceOptions().upsert(true));
    }

    private void count(int n) {
        operations.addAndGet(n);
    }

    @Override
    public long operations() {
        return operations.get();
    }

    @Override
    public List<Document> byIds(List<String> ids) {
        return buckets.find(Filters.in("_id", ids)).into(new ArrayList<>());
    }

    @Override
    public List<Document> summariesByIds(List<String> ids) {
        return buckets.find(Filters.in("_id", ids)).projection(Projections.exclude("t", "v", "q"))
                .into(new ArrayList<>());
    }

    @Override
    public long purge(Instant now) {
        return buckets.deleteMany(Filters.lt("expireAt", Date.from(now))).getDeletedCount();
    }

    @Override
    public void deleteAll() {
        buckets.deleteMany(new Document());
    }
}
