package io.safetyhub.adapter.mqtt;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * Limits password guessing per source address. Each address has a bucket of {@code burst} tokens that regains one
 * every {@code refillNanos}; a credential check holds a token while its (slow, on purpose) hash runs, a successful
 * login gives it back and a failed one spends it. So an address may run at most {@code burst} checks at once and
 * may fail at most {@code burst} times, then one more per refill; other addresses never wait behind it.
 * <p>
 * A check that finds every token held by checks of its address still running <em>waits</em> for one of them
 * ({@code maxWaiting} per address, FIFO) instead of being refused: a few hundred devices behind one NAT address that
 * reconnect at once after an adapter restart all get in, {@code burst} at a time, while their checks succeed and
 * give the tokens back. Refused at once, without a hash: an address with no token left and no check running (its
 * failures spent the bucket), and one whose waiting line is full. When the last running check of an address fails
 * and leaves no token, its waiting checks are refused too: they came from where the failures came from.
 * <p>
 * The table of addresses is bounded; the least recently used idle address is forgotten first (a forgotten address
 * starts again with a full bucket, which a guesser cannot use to go faster than {@code burst} per eviction).
 * {@link Check#start()} and {@link Check#refuse()} run outside the throttle's lock, on the calling thread.
 */
public final class GuessingThrottle {
    /** One credential check: started when it holds a token, or refused. Exactly one of the two is called, once. */
    public interface Check {
        void start();

        void refuse();
    }

    private final int burst;
    private final long refillNanos;
    private final int maxWaiting;
    private final LongSupplier nanoTime;
    private final Map<String, Bucket> buckets;

    public GuessingThrottle(int burst, long refillNanos, int maxWaiting, int maxAddresses, LongSupplier nanoTime) {
        if (burst < 1 || refillNanos < 1 || maxWaiting < 0 || maxAddresses < 1) {
            throw new IllegalArgumentException(
                    "burst, refill and address table size must be positive, the waiting line not negative");
        }
        this.burst = burst;
        this.refillNanos = refillNanos;
        this.maxWaiting = maxWaiting;
        this.nanoTime = nanoTime;
        this.buckets = new LinkedHashMap<>(1024, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Bucket> eldest) {
                // A bucket with checks running or waiting stays: forgetting it would lose them.
                return size() > maxAddresses && eldest.getValue().idle();
            }
        };
    }

    /** Asks for a token to check one credential from {@code address}: the check starts now, later, or is refused. */
    public void acquire(String address, Check check) {
        List<Runnable> actions = new ArrayList<>(1);
        synchronized (this) {
            long now = nanoTime.getAsLong();
            Bucket bucket = buckets.computeIfAbsent(address, a -> new Bucket(burst, now));
            bucket.refill(now);
            bucket.startWaiting(actions);
            if (bucket.tokens > 0 && bucket.waiting.isEmpty()) {
                bucket.take();
                actions.add(check::start);
            } else if (bucket.running > 0 && bucket.waiting.size() < maxWaiting) {
                bucket.waiting.add(check);
            } else {
                actions.add(check::refuse);
            }
        }
        actions.forEach(Runnable::run);
    }

    /**
     * A started check has ended. {@code failed}: a wrong credential, so the token is spent; otherwise (accepted, the
     * device gone before its check, the store unreachable) it is given back. Starts or refuses the waiting checks.
     */
    public void release(String address, boolean failed) {
        List<Runnable> actions = new ArrayList<>(1);
        synchronized (this) {
            Bucket bucket = buckets.get(address);
            if (bucket == null) {
                return;
            }
            bucket.running--;
            if (!failed) {
                bucket.tokens++;
            }
            bucket.refill(nanoTime.getAsLong());
            bucket.startWaiting(actions);
            if (bucket.running == 0 && bucket.tokens == 0) {
                for (Check waiting : bucket.waiting) {
                    actions.add(waiting::refuse);
                }
                bucket.waiting.clear();
            }
        }
        actions.forEach(Runnable::run);
    }

    /** Addresses currently tracked (for tests and metrics). */
    public synchronized int tracked() {
        return buckets.size();
    }

    /** Invariant: {@code tokens + running <= burst}; a running check holds the token it took. */
    private final class Bucket {
        private final ArrayDeque<Check> waiting = new ArrayDeque<>();
        private int tokens;
        private int running;
        private long refilledAt;

        private Bucket(int tokens, long now) {
            this.tokens = tokens;
            this.refilledAt = now;
        }

        private void take() {
            tokens--;
            running++;
        }

        private void startWaiting(List<Runnable> actions) {
            while (tokens > 0 && !waiting.isEmpty()) {
                take();
                actions.add(waiting.poll()::start);
            }
        }

        private boolean idle() {
            return running == 0 && waiting.isEmpty();
        }

        private void refill(long now) {
            long gained = (now - refilledAt) / refillNanos;
            int room = burst - running - tokens;
            if (room <= 0) {
                refilledAt = now;
            } else if (gained > 0) {
                tokens += (int) Math.min(room, gained);
                refilledAt = tokens + running == burst ? now : refilledAt + gained * refillNanos;
            }
        }
    }
}
