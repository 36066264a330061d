package io.safetyhub.gateway.ratelimit;

/**
 * One client's allowance in one route class: holds up to {@code capacity} requests and regains
 * {@code perSecond} of them every second. Time is passed in (nanoseconds) so that tests need no clock.
 */
final class TokenBucket {
    private final double capacity;
    private final double perNano;
    private double tokens;
    private long updatedNanos;

    TokenBucket(double capacity, double perSecond, long nowNanos) {
        this.capacity = capacity;
        this.perNano = perSecond / 1e9;
        this.tokens = capacity;
        this.updatedNanos = nowNanos;
    }

    /** Takes one request's token; returns 0 when granted, else the nanoseconds until one is back. */
    synchronized long take(long nowNanos) {
        refill(nowNanos);
        if (tokens >= 1) {
            tokens -= 1;
            return 0;
        }
        return (long) Math.ceil((1 - tokens) / perNano);
    }

    /** True when the bucket is full again at {@code nowNanos}: forgetting it changes nothing. */
    synchronized boolean fullAt(long nowNanos) {
        refill(nowNanos);
        return tokens >= capacity;
    }

    private void refill(long nowNanos) {
        long elapsed = Math.max(0, nowNanos - updatedNanos);
        tokens = Math.min(capacity, tokens + elapsed * perNano);
        updatedNanos = nowNanos;
    }
}
