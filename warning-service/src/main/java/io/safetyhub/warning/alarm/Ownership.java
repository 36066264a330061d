package io.safetyhub.warning.alarm;

import io.safetyhub.events.AlarmEvent;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Which alarms, devices and enterprises this replica owns: those whose key hashes ({@link KeyPartition}) to a
 * partition of {@code telemetry.readings.v1} currently assigned to it. A device's key is its id (the readings' key);
 * an alarm without a device (a missing commitment, later a duty overdue) is keyed by its enterprise id, so it too has
 * exactly one owner. Only the owner holds an alarm in memory, decides its changes and runs its timers and escalation;
 * every other replica answers reads of it from the store.
 * <p>
 * Set by the readings consumer's rebalance listener; until the first assignment nothing is owned. {@link #all()} is a
 * replica alone with every partition whatever their number (the engine's plain tests).
 */
@ApplicationScoped
public class Ownership {
    private record State(int partitions, Set<Integer> owned, boolean everything) {
    }

    private volatile State state;
    private final CountDownLatch firstAssignment = new CountDownLatch(1);

    public Ownership() {
        this(new State(0, Set.of(), false));
    }

    private Ownership(State state) {
        this.state = state;
        if (state.everything()) {
            firstAssignment.countDown();
        }
    }

    /**
     * Waits until the readings consumer has had its first assignment (or {@code timeout}): the inputs every replica
     * reads whole must not be applied, and their offsets committed, before this replica knows what it owns.
     */
    public boolean awaitFirstAssignment(Duration timeout) throws InterruptedException {
        return firstAssignment.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** A replica that owns everything (no Kafka partitions to share). */
    public static Ownership all() {
        return new Ownership(new State(0, Set.of(), true));
    }

    /** The readings topic has {@code partitions} partitions, of which this replica now owns {@code owned}. */
    public void assign(int partitions, Set<Integer> owned) {
        state = new State(partitions, Set.copyOf(owned), false);
        firstAssignment.countDown();
    }

    public int partitions() {
        return state.partitions();
    }

    public Set<Integer> owned() {
        return state.owned();
    }

    public boolean ownsEverything() {
        return state.everything();
    }

    /** The partition of this key, or -1 when the partition count is not known yet (or everything is owned). */
    public int partitionOf(String key) {
        State s = state;
        return s.partitions() <= 0 ? -1 : KeyPartition.of(key, s.partitions());
    }

    public boolean owns(String key) {
        State s = state;
        return s.everything() || (s.partitions() > 0 && s.owned().contains(KeyPartition.of(key, s.partitions())));
    }

    public boolean ownsAlarm(Alarm alarm) {
        return owns(keyOf(alarm));
    }

    /** Whether the alarm belongs to one of these partitions, for a topic of {@code partitions} partitions. */
    public static boolean inPartitions(Alarm alarm, Set<Integer> among, int partitions) {
        return partitions > 0 && among.contains(KeyPartition.of(keyOf(alarm), partitions));
    }

    /** The ownership key: the device id, or the enterprise id for an alarm that has no device. */
    public static String keyOf(Alarm alarm) {
        return deviceless(alarm.kind()) ? alarm.enterpriseId() : alarm.deviceId();
    }

    /** Alarms raised for an enterprise rather than a device: a missing daily commitment. */
    public static boolean deviceless(AlarmEvent.Kind kind) {
        return kind == AlarmEvent.Kind.COMMITMENT_MISSING;
    }
}
