package io.safetyhub.gateway.alarmstream;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * The last events, bounded by count and by age, for replay after a reconnect. Not thread-safe: the
 * feed holds its lock around every call so that appending and subscribing are ordered.
 */
final class AlarmRing {
    private final int capacity;
    private final Duration window;
    private final Duration partitionSkew;
    private final ArrayDeque<StreamedAlarm> entries = new ArrayDeque<>();

    AlarmRing(int capacity, Duration window, Duration partitionSkew) {
        this.capacity = capacity;
        this.window = window;
        this.partitionSkew = partitionSkew;
    }

    /** Adds an event; returns false when it is already held (a redelivery after a rebalance). */
    boolean append(StreamedAlarm alarm, Instant now) {
        for (Iterator<StreamedAlarm> it = entries.descendingIterator(); it.hasNext(); ) {
            StreamedAlarm held = it.next();
            if (held.partition() == alarm.partition()) {
                if (held.offset() >= alarm.offset()) {
                    return false;
                }
                break;
            }
        }
        entries.addLast(alarm);
        while (entries.size() > capacity) {
            entries.removeFirst();
        }
        Instant oldest = now.minus(window);
        while (!entries.isEmpty() && entries.peekFirst().recordTime().isBefore(oldest)) {
            entries.removeFirst();
        }
        return true;
    }

    /**
     * What a client that last saw {@code lastEventId} missed: in that event's partition everything after
     * its offset; in the other partitions everything from its record time less the skew (a client may get
     * an event twice, never miss one; each carries its eventId). Null when the id is not held any more
     * (or never was): the client must reload.
     */
    List<StreamedAlarm> after(String lastEventId) {
        long[] position = StreamedAlarm.parseId(lastEventId);
        if (position == null) {
            return null;
        }
        StreamedAlarm seen = null;
        for (StreamedAlarm held : entries) {
            if (held.partition() == position[0] && held.offset() == position[1]) {
                seen = held;
                break;
            }
        }
        if (seen == null) {
            return null;
        }
        Instant from = seen.recordTime().minus(partitionSkew);
        List<StreamedAlarm> missed = new ArrayList<>();
        for (StreamedAlarm held : entries) {
            boolean samePartition = held.partition() == seen.partition();
            if (samePartition ? held.offset() > seen.offset() : !held.recordTime().isBefore(from)) {
                missed.add(held);
            }
        }
        return missed;
    }

    int size() {
        return entries.size();
    }
}
