package io.safetyhub.warning.alarm;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * What the {@link AlarmStore} keeps of each device+rule slot of the owned partitions, open alarm or not: its partition,
 * its watermark (source time of the newest reading applied to any of its alarms) and the raising time of its newest
 * alarm. One entry per slot, so memory grows with the devices and rules, never with the alarm history: alarms of a
 * slot are raised in source-time order, so a raise at or before the newest is a replay (the id it would have exists).
 * Not thread-safe: guarded by the store's monitor, like everything else the store holds.
 */
final class SlotMarks {
    private static final class Mark {
        int partition;
        Instant watermark;
        Instant newestRaised;

        Mark(int partition) {
            this.partition = partition;
        }
    }

    private final Map<String, Mark> bySlot = new HashMap<>();

    /** Loaded at a takeover: the slot's partition is known for certain. */
    void loaded(String slot, int partition, Instant raisedAt, Instant watermark) {
        Mark m = bySlot.computeIfAbsent(slot, k -> new Mark(partition));
        m.partition = partition;
        raised(m, raisedAt);
        if (watermark != null) {
            m.watermark = later(m.watermark, watermark);
        }
    }

    /** A change of an alarm of this slot ({@code partition}: computed now, kept if the slot is known). */
    void applied(String slot, int partition, Instant raisedAt, Instant watermark) {
        Mark m = bySlot.computeIfAbsent(slot, k -> new Mark(partition));
        raised(m, raisedAt);
        m.watermark = later(m.watermark, watermark);
    }

    /** True (and recorded) when an alarm raised at {@code raisedAt} is new for its slot; false for a replay. */
    boolean claimRaise(String slot, int partition, Instant raisedAt) {
        Mark m = bySlot.computeIfAbsent(slot, k -> new Mark(partition));
        if (m.newestRaised != null && !raisedAt.isAfter(m.newestRaised)) {
            return false;
        }
        m.newestRaised = raisedAt;
        return true;
    }

    Instant watermark(String slot) {
        Mark m = bySlot.get(slot);
        return m == null ? null : m.watermark;
    }

    /** The slot's partition, or null when the slot is not known here. */
    Integer partitionOf(String slot) {
        Mark m = bySlot.get(slot);
        return m == null ? null : m.partition;
    }

    /** The partition of an alarm id's slot (the id is its slot, '|', its raising time in epoch ms). */
    Integer partitionOfId(String alarmId) {
        return partitionOf(alarmId.substring(0, alarmId.lastIndexOf('|')));
    }

    boolean in(String slot, Set<Integer> partitions) {
        return partitions.contains(partitionOf(slot));
    }

    void forget(Set<Integer> partitions) {
        bySlot.values().removeIf(m -> partitions.contains(m.partition));
    }

    void clear() {
        bySlot.clear();
    }

    private static void raised(Mark m, Instant raisedAt) {
        m.newestRaised = later(m.newestRaised, raisedAt);
    }

    private static Instant later(Instant x, Instant y) {
        return x == null || y.isAfter(x) ? y : x;
    }
}
