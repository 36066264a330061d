package io.safetyhub.adapter.mqtt;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * Limits password guessing per source address: every CONNECT that needs a credential check takes a token from its
 * address's bucket before the (slow, on purpose) hash is computed, and gets it back if the login succeeds. A bucket
 * holds {@code burst} tokens and regains one every {@code refillNanos}. An address whose bucket is empty is refused
 * at once, without hashing: a guesser costs the adapter nothing more, and other addresses never wait behind it.
 * The table of addresses is bounded; the least recently used address is forgotten first (a forgotten address starts
 * again with a full bucket, which a guesser cannot use to go faster than {@code burst} per eviction).
 * <p>
 * Devices behind one NAT address share a bucket: {@code burst} must cover their reconnect storm.
 */
public final class GuessingThrottle {
    private final int burst;
    private final long refillNanos;
    private final LongSupplier nanoTime;
    private final Map<String, Bucket> buckets;

    public GuessingThrottle(int burst, long refillNanos, int maxAddresses, LongSupplier nanoTime) {
        if (burst < 1 || refillNanos < 1 || maxAddresses < 1) {
            throw new IllegalArgumentException("burst, refill and address table size must be positive");
        }
        this.burst = burst;
        this.refillNanos = refillNanos;
        this.nanoTime = nanoTime;
        this.buckets = new LinkedHashMap<>(1024, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Bucket> eldest) {
                return size() > maxAddresses;
            }
        };
    }

    /** Takes a token for one credential check from {@code address}; false when the address must wait. */
    public synchronized boolean tryAcquire(String address) {
        Bucket bucket = buckets.computeIfAbsent(address, a -> new Bucket(burst, nanoTime.getAsLong()));
        bucket.refill(nanoTime.getAsLong());
        if (bucket.tokens == 0) {
            return false;
        }
        bucket.tokens--;
        return true;
    }

    /** The check succeeded: the token is given back, so that honest reconnects never drain the bucket. */
    public synchronized void succeeded(String address) {
        Bucket bucket = buckets.get(address);
        if (bucket != null && bucket.tokens < burst) {
            bucket.tokens++;
        }
    }

    /** Addresses currently tracked (for tests and metrics). */
    public synchronized int tracked() {
        return buckets.size();
    }

    private final class Bucket {
        private int tokens;
        private long refilledAt;

        private Bucket(int tokens, long now) {
            this.tokens = tokens;
            this.refilledAt = now;
        }

        private void refill(long now) {
            long gained = (now - refilledAt) / refillNanos;
            if (gained > 0) {
                tokens = (int) Math.min(burst, tokens + gained);
                refilledAt = tokens == burst ? now : refilledAt + gained * refillNanos;
            }
        }
    }
}
