package io.safetyhub.adapter.mqtt;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * Decides which refusals are logged: one line per subject (a device id, or an address) and reason within
 * {@code windowNanos}, so that a device retrying with a stale password every second leaves one line an operator can
 * act on, not thousands. Bounded: a guesser inventing device ids cannot grow it past {@code maxSubjects}.
 */
public final class RefusalLog {
    private final long windowNanos;
    private final LongSupplier nanoTime;
    private final Map<String, Long> lastLogged;

    public RefusalLog(long windowNanos, int maxSubjects, LongSupplier nanoTime) {
        this.windowNanos = windowNanos;
        this.nanoTime = nanoTime;
        this.lastLogged = new LinkedHashMap<>(256, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Long> eldest) {
                return size() > maxSubjects;
            }
        };
    }

    /** True when this refusal of {@code subject} for {@code reason} is to be logged now. */
    public synchronized boolean shouldLog(String subject, String reason) {
        String key = subject + "|" + reason;
        long now = nanoTime.getAsLong();
        Long last = lastLogged.get(key);
        if (last != null && now - last < windowNanos) {
            return false;
        }
        lastLogged.put(key, now);
        return true;
    }
}
