package io.safetyhub.warning.history;

import io.safetyhub.events.Quality;
import io.safetyhub.events.Reading;
import io.safetyhub.warning.support.Engines;
import io.safetyhub.warning.support.MutableClock;
import org.bson.Document;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** History buckets written once: sealed at minute end plus grace, late samples merged, replays counted once. */
class BucketSealerTest {
    private static final Instant T0 = Instant.parse("2026-11-23T06:00:00Z");

    private final MutableClock clock = new MutableClock(T0);
    private final InMemoryBucketRepository repository = new InMemoryBucketRepository(Duration.ofDays(90));
    /** Seals a whole minute at once, so that each minute is one insert here (the spread has a test of its own). */
    private final HistoryStore store = new HistoryStore(repository,
            Engines.config(Map.of("warning.history.seal-spread", "0s")), clock);

    @Test
    void shouldSealABucketOnlyWhenItsMinuteAndTheGraceAreOver() {
        BucketSealer sealer = new BucketSealer(Duration.ofSeconds(10), Duration.ZERO, Duration.ofMinutes(5));
        sealer.add(gas("GA-1", 10, 5), 0, null);
        sealer.add(gas("GA-1", 20, 30), 0, null);
        sealer.add(gas("GA-1", 30, 65), 0, null); // the next minute

        assertTrue(sealer.takeDue(T0.plusSeconds(69)).isEmpty(), "the grace is not over");
        List<OpenBucket> due = sealer.takeDue(T0.plusSeconds(70));
        assertEquals(1, due.size());
        assertEquals(2, due.get(0).size());
        assertEquals(HistoryStore.bucketId("GA-1", "gas_lel", T0), due.get(0).id);
        assertTrue(sealer.takeDue(T0.plusSeconds(129)).isEmpty(), "handed out once");
        assertEquals(1, sealer.takeDue(T0.plusSeconds(130)).size());
    }

    @Test
    void shouldNameEachBucketByItsOwnMinuteWhenReadingsOfTwoMinutesInterleave() {
        BucketSealer sealer = new BucketSealer(Duration.ofSeconds(10), Duration.ZERO, Duration.ofMinutes(5));
        Instant before1970 = Instant.parse("1969-12-31T23:59:59.500Z");
        sealer.add(Engines.reading("GA-I", "gas-alarm", "gas_lel", 1, T0.plusMillis(59_999)), 0, null);
        sealer.add(Engines.reading("GA-I", "gas-alarm", "gas_lel", 2, T0.plusSeconds(60)), 0, null);
        sealer.add(Engines.reading("GA-I", "gas-alarm", "gas_lel", 3, T0.plusSeconds(1)), 0, null);
        sealer.add(Engines.reading("GA-I", "gas-alarm", "gas_lel", 4, before1970), 0, null);

        List<String> ids = sealer.takeDue(T0.plusSeconds(130)).stream().map(b -> b.id).sorted().toList();
        assertEquals(List.of(HistoryStore.bucketId("GA-I", "gas_lel", Instant.parse("1969-12-31T23:59:00Z")),
                HistoryStore.bucketId("GA-I", "gas_lel", T0), HistoryStore.bucketId("GA-I", "gas_lel",
                        T0.plusSeconds(60))), ids, "a bucket per minute, floored, as the history query names them");
    }

    @Test
    void shouldSealAtOnceWhenABucketIsDatedFurtherAheadThanTheAllowedSkew() {
        BucketSealer sealer = new BucketSealer(Duration.ofSeconds(10), Duration.ZERO, Duration.ofMinutes(5));
        sealer.add(Engines.reading("GA-F", "gas-alarm", "gas_lel", 5, Instant.parse("2099-01-01T00:00:00Z")), 0, null);
        sealer.add(gas("GA-F", 5, 240), 0, null); // 4 minutes ahead: within the skew, waits for its minute

        List<OpenBucket> due = sealer.takeDue(T0);
        assertEquals(1, due.size(), "a forged or clock-ahead date must not hold its batch's commit for decades");
        assertEquals(Instant.parse("2099-01-01T00:00:00Z"), due.get(0).start);
    }

    @Test
    void shouldSealOneMinuteOfManyDevicesOverTheSpreadWhenTheirMinuteEndsTogether() {
        BucketSealer sealer = new BucketSealer(Duration.ofSeconds(10), Duration.ofSeconds(30), Duration.ofMinutes(5));
        int devices = 1_000;
        for (int d = 0; d < devices; d++) {
            sealer.add(gas(String.format("LOAD-%05d", d), 1, 5), 0, null);
            sealer.add(gas(String.format("LOAD-%05d", d), 1, 65), 0, null); // the next minute
        }

        assertTrue(sealer.takeDue(T0.plusMillis(69_999)).isEmpty(), "nothing before the minute's end and the grace");
        int[] perSecond = new int[30];
        Map<String, Integer> secondOf = new java.util.HashMap<>();
        for (int s = 0; s < 30; s++) {
            for (OpenBucket b : sealer.takeDue(T0.plusSeconds(70 + s).plusMillis(999))) {
                perSecond[s]++;
                secondOf.put(b.deviceId, s);
            }
        }
        assertEquals(devices, java.util.Arrays.stream(perSecond).sum(), "every bucket within grace + spread");
        assertTrue(java.util.Arrays.stream(perSecond).max().getAsInt() < 3 * devices / 30,
                "no second seals more than three times its share: " + java.util.Arrays.toString(perSecond));
        for (int s = 0; s < 30; s++) {
            for (OpenBucket b : sealer.takeDue(T0.plusSeconds(130 + s).plusMillis(999))) {
                assertEquals(secondOf.get(b.deviceId), s, b.deviceId + " keeps its place in the next minute");
            }
        }
        assertEquals(0, sealer.open());
    }

    @Test
    void shouldSealAtOnceOnlyWhatIsDatedBeyondTheSkewWhenBucketsAreSpread() {
        BucketSealer sealer = new BucketSealer(Duration.ofSeconds(10), Duration.ofSeconds(30), Duration.ofMinutes(5));
        for (int d = 0; d < 50; d++) {
            // Dated exactly the skew ahead: due after any bucket within it could be, yet within it, so they wait.
            sealer.add(gas("GA-" + d, 5, 300), 0, null);
        }
        sealer.add(Engines.reading("GA-F", "gas-alarm", "gas_lel", 5, Instant.parse("2099-01-01T00:00:00Z")), 0, null);

        List<OpenBucket> due = sealer.takeDue(T0);
        assertEquals(List.of("GA-F"), due.stream().map(b -> b.deviceId).toList());
        assertEquals(50, sealer.open());
    }

    @Test
    void shouldKeepOneSampleWhenTheSameSourceTimeArrivesTwiceOrOutOfOrder() {
        BucketSealer sealer = new BucketSealer(Duration.ofSeconds(10), Duration.ZERO, Duration.ofMinutes(5));
        assertTrue(sealer.add(gas("GA-2", 10, 20), 0, null));
        assertTrue(sealer.add(gas("GA-2", 5, 10), 0, null)); // out of order
        assertFalse(sealer.add(gas("GA-2", 10, 20), 0, null)); // redelivered
        OpenBucket b = sealer.takeAll().get(0);
        assertEquals(2, b.size());
        assertTrue(b.time(0) < b.time(1), "kept in source-time order");
        assertEquals(2, sealer.held(), "held until stored");
    }

    @Test
    void shouldInsertEachBucketOnceWhenReadingsArriveEverySecond() {
        // 1,000 readings: 5 devices, one a second for 200 s, the sealing running every second as in the service.
        for (int s = 0; s < 200; s++) {
            clock.set(T0.plusSeconds(s));
            for (int d = 0; d < 5; d++) {
                store.add(gas("GA-D" + d, d + s % 7, s));
            }
            store.storeDue();
        }
        assertEquals(3, repository.operations(), "three minutes sealed: one insert each");
        store.flush();
        assertEquals(20, repository.size(), "5 devices x 4 minutes");
        assertEquals(4, repository.operations(), "4 inserts for 1,000 readings, each bucket written once");
        Document first = repository.byIds(List.of(HistoryStore.bucketId("GA-D0", "gas_lel", T0))).get(0);
        assertEquals(60, BucketColumns.timesOf(first).length);
        assertEquals(60L, first.get("count", Number.class).longValue());
    }

    @Test
    void shouldStoreOnlyEachMinutesOwnSamplesWhenItsBucketReusesTheMemoryOfAStoredOne() {
        // Minute 0: 60 readings of value 100 per device; minute 1: 30 readings of value 1 each, in memory minute 0's
        // buckets gave back (the allocator hands freed regions out again; they still hold minute 0's values).
        BucketSealer sealer = new BucketSealer(Duration.ofSeconds(10), Duration.ZERO, Duration.ofMinutes(5));
        for (int s = 0; s < 60; s++) {
            for (int d = 0; d < 3; d++) {
                sealer.add(gas("GA-P" + d, 100, s), 0, null);
            }
        }
        assertEquals(3 * 64 * SampleMemory.BYTES_PER_SAMPLE, sealer.sampleBytesInUse(),
                "60 samples a bucket in a 64-sample region; the outgrown 8- to 32-sample ones were given back");
        List<OpenBucket> minute0 = sealer.takeDue(T0.plusSeconds(75));
        assertEquals(3, minute0.size());
        repository.insert(minute0);
        sealer.stored(minute0);
        assertEquals(0, sealer.sampleBytesInUse(), "every stored bucket's memory is given back");

        for (int s = 60; s < 90; s++) {
            for (int d = 0; d < 3; d++) {
                sealer.add(gas("GA-P" + d, 1, s), 0, null);
            }
        }
        assertEquals(3 * 32 * SampleMemory.BYTES_PER_SAMPLE, sealer.sampleBytesInUse());
        List<OpenBucket> minute1 = sealer.takeDue(T0.plusSeconds(135));
        repository.insert(minute1);
        sealer.stored(minute1);

        for (int d = 0; d < 3; d++) {
            Document b = repository.byIds(List.of(HistoryStore.bucketId("GA-P" + d, "gas_lel", T0.plusSeconds(60))))
                    .get(0);
            assertEquals(30L, b.get("count", Number.class).longValue());
            assertEquals(30.0, b.get("sum", Number.class).doubleValue(), "no sample of minute 0 came along");
            assertEquals(1.0, b.get("max", Number.class).doubleValue());
            assertEquals(30, BucketColumns.timesOf(b).length);
        }
        assertThrows(NullPointerException.class, () -> minute0.get(0).time(0),
                "a stored bucket cannot be read again: its memory belongs to another now");
    }

    @Test
    void shouldMergeOnlyTheLateSampleWhenItArrivesForASealedBucket() {
        store.add(gas("GA-L", 10, 1));
        store.add(gas("GA-L", 30, 2));
        clock.set(T0.plusSeconds(70));
        store.storeDue();
        store.add(gas("GA-L", 30, 2)); // redelivered
        store.add(gas("GA-L", 50, 3)); // late
        store.storeDue(); // due at once: its minute is long over

        Document b = repository.byIds(List.of(HistoryStore.bucketId("GA-L", "gas_lel", T0))).get(0);
        assertEquals(3L, b.get("count", Number.class).longValue());
        assertEquals(90.0, b.get("sum", Number.class).doubleValue());
        assertEquals(50.0, b.get("max", Number.class).doubleValue());
        assertArrayEquals(new long[]{T0.plusSeconds(1).toEpochMilli(), T0.plusSeconds(2).toEpochMilli(),
                T0.plusSeconds(3).toEpochMilli()}, BucketColumns.timesOf(b));
        assertArrayEquals(new double[]{10.0, 30.0, 50.0}, BucketColumns.of(b).values());
    }

    @Test
    void shouldCountNothingTwiceWhenABatchIsReplayedAfterACrash() {
        List<Reading> batch = List.of(gas("GA-R", 10, 1), gas("GA-R", 30, 2), gas("GA-R", 5, 3), gas("GA-R", 8, 61));
        batch.forEach(store::add);
        store.flush();
        batch.forEach(store::add); // delivered again: the offsets were not committed
        store.add(gas("GA-R", 40, 62)); // and one new
        store.flush();

        Document first = repository.byIds(List.of(HistoryStore.bucketId("GA-R", "gas_lel", T0))).get(0);
        Document second = repository.byIds(List.of(HistoryStore.bucketId("GA-R", "gas_lel", T0.plusSeconds(60))))
                .get(0);
        assertEquals(3L, first.get("count", Number.class).longValue());
        assertEquals(45.0, first.get("sum", Number.class).doubleValue());
        assertEquals(2L, second.get("count", Number.class).longValue());
        assertEquals(48.0, second.get("sum", Number.class).doubleValue());
    }

    @Test
    void shouldAcknowledgeABatchOnlyWhenEveryBucketItWentIntoIsStored() {
        AtomicInteger acked = new AtomicInteger();
        BatchAck batch = new BatchAck(acked::incrementAndGet, e -> acked.addAndGet(100));
        store.add(gas("GA-A", 10, 50), 0, batch);
        store.add(gas("GA-A", 10, 65), 0, batch); // the next minute
        batch.close();

        clock.set(T0.plusSeconds(70));
        store.storeDue();
        assertEquals(0, acked.get(), "the second minute's bucket is not stored yet");
        clock.set(T0.plusSeconds(130));
        store.storeDue();
        assertEquals(1, acked.get());
    }

    @Test
    void shouldKeepTheBucketAndTheBatchWaitingWhenMongoIsAway() {
        AtomicInteger acked = new AtomicInteger();
        BatchAck batch = new BatchAck(acked::incrementAndGet, e -> acked.addAndGet(100));
        store.add(gas("GA-M", 10, 5), 3, batch);
        batch.close();
        repository.refuse = true;
        store.storePartitions(List.of(3)); // revoked while MongoDB is away: gives up after a few attempts
        assertEquals(0, acked.get());
        assertEquals(1, store.pendingSamples(), "given back, still held");

        repository.refuse = false;
        store.storeDue();
        assertEquals(1, acked.get());
        assertEquals(0, store.pendingSamples());
    }

    @Test
    void shouldAnswerTheCurrentMinuteFromMemoryWhenItIsNotSealed() {
        store.add(gas("GA-Q", 10, 1));
        store.add(new Reading(java.util.UUID.randomUUID(), T0, "test", "GA-Q", "chem-banan-01", "gas-alarm", null,
                "gas_lel", 99, null, null, T0.plusSeconds(2), T0, Quality.BAD));
        String id = HistoryStore.bucketId("GA-Q", "gas_lel", T0);
        double[] s = store.openSummaries(List.of(id)).get(id).minMaxSumCount();
        assertEquals(10.0, s[0]);
        assertEquals(1.0, s[3], "a BAD sample is kept but not counted");
        assertTrue(repository.byIds(List.of(id)).isEmpty());
    }

    private static Reading gas(String device, double value, int second) {
        return Engines.reading(device, "gas-alarm", "gas_lel", value, T0.plusSeconds(second));
    }
}
