package io.safetyhub.warning.history;

import io.safetyhub.warning.support.Engines;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * When a consumed batch may be acknowledged: its offsets are committed only once every history bucket it fed is
 * stored, so that Kafka replays whatever a crash lost (issue 16: "commit offsets only up to sealed buckets").
 */
class BatchWaitsTest {
    private static final Instant T0 = Instant.parse("2026-12-02T01:00:00Z");

    private final SampleMemory memory = new SampleMemory();
    private final BatchWaits waits = new BatchWaits();
    private final List<String> acked = new ArrayList<>();

    private BatchAck batch(String name) {
        return new BatchAck(() -> acked.add(name), e -> acked.add(name + " failed"));
    }

    private OpenBucket open(String device, int partition, BatchAck by) {
        OpenBucket b = new OpenBucket(device + "|gas_lel|" + T0, Engines.reading(device, "gas-alarm", "gas_lel", 0, T0),
                T0, partition, memory);
        waits.opened(b, waits.numberOf(by));
        return b;
    }

    /** The batch adds a reading to the bucket: numbered if it is new, then waiting in the bucket's partition. */
    private void feed(BatchAck batch, OpenBucket b) {
        waits.numberOf(batch);
        waits.join(b.partition, batch);
    }

    /** A batch that opens a bucket of this device and partition with its only reading, and is then handed out. */
    private OpenBucket onlyReading(BatchAck batch, String device, int partition) {
        OpenBucket b = open(device, partition, batch);
        feed(batch, b);
        batch.close();
        return b;
    }

    private void store(OpenBucket b) {
        List<BatchAck> released = new ArrayList<>();
        waits.stored(b, released);
        released.forEach(BatchAck::release);
        b.release();
    }

    @Test
    void shouldHoldALaterBatchWhenABucketOpenedBeforeItIsStillUnstored() {
        OpenBucket a = onlyReading(batch("first"), "GA-1", 0);
        OpenBucket b = onlyReading(batch("second"), "GA-2", 0);

        store(b);
        assertEquals(List.of(), acked, "GA-1's bucket, opened by the first batch, is not stored yet");
        store(a);
        assertEquals(List.of("first", "second"), acked, "in the order they came");
        assertEquals(0, waits.waiting());
    }

    @Test
    void shouldAcknowledgeABatchWhenEveryPartitionItReadFromHasStoredItsBuckets() {
        BatchAck batch = batch("both");
        OpenBucket p0 = open("GA-1", 0, batch);
        feed(batch, p0);
        OpenBucket p1 = open("GA-2", 1, batch);
        feed(batch, p1);
        batch.close();

        store(p1);
        assertEquals(List.of(), acked, "partition 0's bucket still holds it");
        store(p0);
        assertEquals(List.of("both"), acked);
    }

    @Test
    void shouldReleaseEachBatchOnceWhenItFedABucketOfAPartitionInSeveralStretches() {
        AtomicInteger acks = new AtomicInteger();
        BatchAck batch = new BatchAck(acks::incrementAndGet, e -> acks.addAndGet(100));
        OpenBucket a = open("GA-1", 0, batch);
        OpenBucket b = open("GA-2", 1, batch);
        feed(batch, a);
        feed(batch, b);
        feed(batch, a); // partition 0 again after partition 1: a second hold, released with the first
        batch.close();

        store(b);
        store(a);
        assertEquals(1, acks.get());
        assertEquals(0, waits.waiting());
    }

    @Test
    void shouldNotHoldEarlierBatchesWhenALaterOneReopensAStoredBucket() {
        // A device whose readings keep coming for a stored minute (late, or a clock stuck in it): each reopened bucket
        // is opened by the batch that brought the reading, so batches before it go as soon as theirs are stored.
        store(onlyReading(batch("early"), "GA-1", 0));
        assertEquals(List.of("early"), acked);

        OpenBucket reopened = onlyReading(batch("late"), "GA-1", 0);
        OpenBucket other = onlyReading(batch("next"), "GA-2", 0);
        store(reopened);
        assertEquals(List.of("early", "late"), acked, "the next batch waits only for the bucket it opened");
        store(other);
        assertEquals(List.of("early", "late", "next"), acked);
    }
}
