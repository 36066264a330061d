package io.safetyhub.gateway.ratelimit;

import io.micrometer.core.instrument.MeterRegistry;
import io.safetyhub.gateway.config.GatewayConfig;
import io.vertx.mutiny.core.Vertx;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Per-client token buckets by route class. Buckets live in memory per gateway instance: with N replicas
 * a client gets up to N times the rate, which is acceptable for abuse protection (not billing) and
 * avoids a shared store on every request.
 */
@ApplicationScoped
public class RateLimiter {
    private final boolean enabled;
    private final List<RateClass> classes;
    private final Map<String, TokenBucket> buckets = new ConcurrentHashMap<>();
    private final Vertx vertx;
    private final long sweeper;

    public RateLimiter(GatewayConfig config, Vertx vertx, MeterRegistry meters) {
        GatewayConfig.RateLimit settings = config.rateLimit();
        this.enabled = settings.enabled();
        List<RateClass> parsed = new ArrayList<>();
        for (String entry : settings.classes()) {
            RateClass rateClass = RateClass.parse(entry);
            if (parsed.stream().anyMatch(c -> c.prefix().equals(rateClass.prefix()) || c.name().equals(rateClass.name()))) {
                throw new IllegalArgumentException("gateway.rate-limit.classes repeats '" + entry + "'");
            }
            parsed.add(rateClass);
        }
        parsed.sort(Comparator.comparingInt((RateClass c) -> c.prefix().length()).reversed());
        this.classes = List.copyOf(parsed);
        this.vertx = vertx;
        this.sweeper = vertx.setPeriodic(Math.max(1_000, settings.idleEviction().toMillis()), id -> sweep());
        meters.gaugeMapSize("safetyhub.gateway.ratelimit.buckets", List.of(), buckets);
    }

    @PreDestroy
    void stop() {
        vertx.cancelTimer(sweeper);
    }

    /**
     * Takes one token for {@code client} on {@code path}.
     *
     * @return empty when allowed, else the refusal with the seconds to wait
     */
    public Optional<Refusal> take(String client, String path) {
        if (!enabled) {
            return Optional.empty();
        }
        RateClass rateClass = classOf(path);
        if (rateClass == null) {
            return Optional.empty();
        }
        long now = System.nanoTime();
        TokenBucket bucket = buckets.computeIfAbsent(rateClass.name() + '\u0000' + client,
                key -> new TokenBucket(rateClass.burst(), rateClass.perSecond(), now));
        long waitNanos = bucket.take(now);
        if (waitNanos == 0) {
            return Optional.empty();
        }
        long seconds = Math.max(1, (waitNanos + 999_999_999L) / 1_000_000_000L);
        return Optional.of(new Refusal(rateClass.name(), seconds));
    }

    private RateClass classOf(String path) {
        for (RateClass rateClass : classes) {
            if (rateClass.covers(path)) {
                return rateClass;
            }
        }
        return null;
    }

    /** A full bucket is what a new one would be: dropping it bounds memory without changing any answer. */
    private void sweep() {
        long now = System.nanoTime();
        buckets.entrySet().removeIf(entry -> entry.getValue().fullAt(now));
    }

    /** A refused request: its route class and when to try again. */
    public record Refusal(String rateClass, long retryAfterSeconds) {
    }
}
