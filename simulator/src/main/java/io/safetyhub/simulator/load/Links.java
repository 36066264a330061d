package io.safetyhub.simulator.load;

import io.safetyhub.simulator.mqtt.MqttLink;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * The load's open connections: each device pinned to one (so its messages stay in order), each connection with its
 * window, a semaphore of as many permits as messages may await a PUBACK on it.
 */
abstract class Links implements AutoCloseable {
    private final List<Semaphore> windows = new ArrayList<>();
    private final int[] windowSizes;
    private final int devices;

    Links(int[] windowSizes, int devices) {
        this.windowSizes = windowSizes.clone();
        this.devices = devices;
        for (int size : windowSizes) {
            windows.add(new Semaphore(size));
        }
    }

    /**
     * Hands one message to the device's connection if it can take it now; false (outcome not called) when it is
     * momentarily unable to, e.g. reconnecting, so that the caller moves on to other devices and comes back.
     */
    abstract boolean offer(int device, String topic, byte[] payload, MqttLink.Outcome outcome);

    @Override
    public abstract void close();

    /** The connection {@code device} is pinned to: its own when there is one per device. */
    final int connectionOf(int device) {
        return windowSizes.length == devices ? device : device % windowSizes.length;
    }

    /** The window of the device's connection: one permit per message awaiting its PUBACK. */
    final Semaphore window(int device) {
        return windows.get(connectionOf(device));
    }

    final int totalWindow() {
        int total = 0;
        for (int size : windowSizes) {
            total += size;
        }
        return total;
    }

    /** Waits until every window is whole again (everything answered), or {@code timeout} in all. */
    final void awaitAcks(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        for (int c = 0; c < windows.size(); c++) {
            long left = Math.max(0, deadline - System.nanoTime());
            if (windows.get(c).tryAcquire(windowSizes[c], left, TimeUnit.NANOSECONDS)) {
                windows.get(c).release(windowSizes[c]);
            }
        }
    }
}
