package io.safetyhub.warning.history;

import com.mongodb.MongoException;
import io.quarkus.scheduler.Scheduled;
import io.safetyhub.events.Reading;
import io.safetyhub.warning.config.WarningConfig;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import org.bson.Document;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Every reading, kept in one document per device, metric and minute ({@code _id = deviceId|metric|bucketStart}) with
 * its samples, their {@code keys} (source epoch ms) and min/max/sum/count (architecture.md, "Telemetry history").
 * <p>
 * Each bucket is written once: readings are gathered in memory ({@link BucketSealer}) and a bucket is inserted when
 * its minute is over plus {@code warning.history.seal-grace}, by {@link #storeDue()} every second, never on the
 * consumer's thread (the embedded server clones and re-encodes a whole document for every update, so a {@code $push}
 * per second rewrote each bucket about 60 times). The batches whose readings went into a bucket are released once it
 * is stored ({@link BatchAck}), so their offsets are committed only then and Kafka is the replay log after a crash.
 * An insert that collides with a stored bucket takes the rare path ({@link BucketRepository#insert}), so no reading is
 * counted twice. The current (unsealed) minute is answered from memory ({@link #openSummaries}).
 */
@ApplicationScoped
public class HistoryStore {
    private static final Logger LOG = Logger.getLogger(HistoryStore.class);
    private static final int REVOKE_ATTEMPTS = 3;
    /** A rebalance callback runs on Kafka's polling thread: it must not wait for long. */
    private static final Duration REVOKE_LOCK_WAIT = Duration.ofSeconds(10);

    private final BucketRepository repository;
    private final Clock clock;
    private final BucketSealer sealer;
    /** One write at a time: a bucket opened again is never inserted while its first part is still being written. */
    private final ReentrantLock writing = new ReentrantLock();
    private volatile boolean closed;

    public HistoryStore(BucketRepository repository, WarningConfig config, Clock clock) {
        this.repository = repository;
        this.clock = clock;
        this.sealer = new BucketSealer(config.history().sealGrace(), config.history().sealSpread(),
                config.engine().maxClockSkew());
    }

    public static String bucketId(String deviceId, String metric, Instant bucketStart) {
        return BucketSealer.bucketId(deviceId, metric, bucketStart);
    }

    /** Gathers a reading of this partition; the batch (if any) is acknowledged only once its bucket is stored. */
    public boolean add(Reading r, int partition, BatchAck batch) {
        return sealer.add(r, partition, batch);
    }

    /** Gathers a reading that no batch waits for (tests, tools). */
    public boolean add(Reading r) {
        return add(r, -1, null);
    }

    /** Samples gathered and not yet stored. */
    public long pendingSamples() {
        return sealer.held();
    }

    /** Buckets open in memory. */
    public int openBuckets() {
        return sealer.open();
    }

    /** Batches whose offsets wait for buckets to be stored, counted once per partition they read from. */
    public int waitingBatches() {
        return sealer.waitingBatches();
    }

    /** Off-heap bytes the samples of buckets in memory take. */
    public long sampleBytesInUse() {
        return sealer.sampleBytesInUse();
    }

    /** Off-heap bytes kept for samples: in use, or free for the next buckets. */
    public long sampleBytesReserved() {
        return sealer.sampleBytesReserved();
    }

    /** Operations sent to the bucket store since the start. */
    public long storeOperations() {
        return repository.operations();
    }

    /** Back-pressure for the consumer: waits while more than {@code max} samples wait to be stored. */
    public boolean awaitRoom(long max, Duration timeout) throws InterruptedException {
        return sealer.awaitRoom(max, timeout);
    }

    /** Inserts the buckets that are due, retrying while MongoDB is away (the consumer waits once too much is held). */
    @Scheduled(every = "1s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    public void storeDue() {
        store(sealer.takeDue(clock.instant()), Integer.MAX_VALUE, null);
    }

    /** Seals and stores every bucket now, due or not (tests; readings then arriving for them take the merge path). */
    public int flush() {
        List<OpenBucket> all = sealer.takeAll();
        store(all, Integer.MAX_VALUE, null);
        return all.size();
    }

    /**
     * The partitions are being revoked: their buckets are stored now, so that the batches waiting for them are
     * acknowledged before the next owner starts from the committed offsets. If MongoDB refuses a few times, the
     * buckets go back to be stored by {@link #storeDue()} (the rebalance is not held up longer); the next owner then
     * replays those readings, and whichever insert comes second merges only what the first lacks.
     */
    public void storePartitions(Collection<Integer> partitions) {
        store(sealer.takePartitions(partitions), REVOKE_ATTEMPTS, REVOKE_LOCK_WAIT);
    }

    /**
     * Inserts the sealed buckets (retrying up to {@code maxAttempts}) and releases the batches waiting for them; a
     * write that gives up, or cannot start within {@code lockWait} (null: waits as long as it takes) because another
     * is retrying against a MongoDB that is away, gives the buckets back for the next {@link #storeDue()}.
     */
    private void store(List<OpenBucket> sealed, int maxAttempts, Duration lockWait) {
        if (sealed.isEmpty()) {
            return;
        }
        if (!lock(lockWait)) {
            LOG.warnf("history: %d bucket(s) of revoked partitions wait for a write already retrying; stored later",
                    sealed.size());
            sealer.giveBack(sealed);
            return;
        }
        try {
            long backoff = 100;
            for (int attempt = 1; ; attempt++) {
                try {
                    repository.insert(sealed);
                    break;
                } catch (MongoException e) {
                    if (attempt >= maxAttempts || closed) {
                        // Not acknowledged: kept for the next storeDue(), or, at shutdown, delivered again by Kafka.
                        LOG.errorf("history: %d bucket(s) not stored after %d attempt(s); %s: %s", sealed.size(),
                                attempt, closed ? "Kafka delivers their readings again" : "retried every second",
                                e.getMessage());
                        sealer.giveBack(sealed);
                        return;
                    }
                    // Safe to repeat: what landed collides and merges nothing twice.
                    LOG.warnf("history: storing %d bucket(s) failed (attempt %d), retrying in %d ms: %s",
                            sealed.size(), attempt, backoff, e.getMessage());
                    sleep(backoff);
                    backoff = Math.min(backoff * 2, 5_000);
                }
            }
        } finally {
            writing.unlock();
        }
        sealer.stored(sealed).forEach(BatchAck::release);
    }

    /** The stored buckets with these ids (a primary-key lookup, fast on the embedded server too). */
    public List<Document> byIds(List<String> ids) {
        return repository.byIds(ids);
    }

    /** The stored buckets with these ids, summaries only (their sample columns left on the server). */
    public List<Document> summariesByIds(List<String> ids) {
        return repository.summariesByIds(ids);
    }

    /** min, max, sum, count of the buckets with these ids still in memory (the current minute, or being written). */
    public Map<String, BucketSealer.Summary> openSummaries(Collection<String> ids) {
        return sealer.summaries(ids);
    }

    /** Deletes expired buckets; needed where TTL indexes are not honoured (the embedded server). */
    public long purge() {
        return repository.purge(clock.instant());
    }

    public void deleteAll() {
        writing.lock();
        try {
            sealer.clear();
            repository.deleteAll();
        } finally {
            writing.unlock();
        }
    }

    private boolean lock(Duration wait) {
        if (wait == null) {
            writing.lock();
            return true;
        }
        try {
            return writing.tryLock(wait.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    @PreDestroy
    void close() {
        closed = true;
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while retrying a history write", e);
        }
    }
}
