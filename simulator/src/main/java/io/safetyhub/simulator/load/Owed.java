package io.safetyhub.simulator.load;

import java.util.BitSet;

/**
 * Messages due to devices whose connection could not take them when they fell due (window full of unanswered
 * messages, or reconnecting). A real fleet's devices are independent: one device waiting for its connection must not
 * hold back the others' schedule, so the sender notes what the device owes and moves on. Per device: how many it
 * owes and the schedule index of the oldest, so that its messages still go out in order (they are the device's
 * consecutive ones: {@code i, i + devices, ...} under {@link Pacer#deviceOf}) and each one's lateness is measured from
 * its own due time.
 */
final class Owed {
    private final int devices;
    private final int[] count;
    private final long[] oldest;
    private final BitSet owing;
    private long total;

    Owed(int devices) {
        this.devices = devices;
        this.count = new int[devices];
        this.oldest = new long[devices];
        this.owing = new BitSet(devices);
    }

    /** Message {@code index} of {@code device} could not be sent yet. */
    void add(int device, long index) {
        if (count[device]++ == 0) {
            oldest[device] = index;
            owing.set(device);
        }
        total++;
    }

    boolean owes(int device) {
        return count[device] > 0;
    }

    /** The schedule index of the device's oldest owed message. */
    long oldestIndex(int device) {
        return oldest[device];
    }

    /** The device's oldest owed message was sent: it owes one fewer. */
    void take(int device) {
        oldest[device] += devices;
        if (--count[device] == 0) {
            owing.clear(device);
        }
        total--;
    }

    /** The first device at or after {@code from} that owes a message, or -1. */
    int nextOwing(int from) {
        return owing.nextSetBit(from);
    }

    /** Messages owed over all devices. */
    long total() {
        return total;
    }
}
