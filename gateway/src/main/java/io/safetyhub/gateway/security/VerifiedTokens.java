package io.safetyhub.gateway.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import com.github.benmanes.caffeine.cache.Ticker;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import org.eclipse.microprofile.jwt.JsonWebToken;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Executor;
import java.util.concurrent.ForkJoinPool;

/**
 * Identities already verified, by the exact {@code Authorization} header value that carried the token, so that a
 * token seen again is not verified again (signature and claims cost more than the rest of the gateway's work on a
 * request). The rules that keep this safe:
 * <ul>
 *   <li>only an identity Quarkus OIDC verified is remembered: a refused token never gets here, and a header that
 *       differs in a single byte (a tampered token) is another key, so it is verified (and refused) afresh;</li>
 *   <li>an entry never outlives its token's {@code exp}: a token with less than a second left, or without
 *       {@code exp}, is not remembered at all, and a hit is checked against the clock once more;</li>
 *   <li>nor {@code max-age}: a realm key rotation, a disabled user or a revoked session is honoured within that
 *       time, as it would be by the services, which verify the relayed token themselves;</li>
 *   <li>at most {@code max-entries} identities (least recently and frequently used go first).</li>
 * </ul>
 * What is remembered is a copy of the identity with its principal and roles only: the one Quarkus builds also
 * refers to the request it was verified on, which must not be kept alive by the cache.
 */
public final class VerifiedTokens {
    private final Cache<String, Verified> cache;
    private final Clock clock;
    private final Duration maxAge;
    private final boolean enabled;

    /**
     * @param maxEntries how many identities at most; 0 switches the cache off (every token is verified each time)
     * @param maxAge     longest time an identity is trusted without verifying its token again
     * @param clock      wall clock, against which {@code exp} is judged
     * @param ticker     monotonic time of the cache's own expiry (tests pass a fake one driven with the clock)
     * @param executor   where the cache does its maintenance (tests run it on the calling thread)
     */
    public VerifiedTokens(int maxEntries, Duration maxAge, Clock clock, Ticker ticker, Executor executor) {
        if (maxEntries < 0 || maxAge.isNegative() || maxAge.isZero()) {
            throw new IllegalArgumentException("gateway.token-cache: max-entries must be >= 0 and max-age > 0");
        }
        this.clock = clock;
        this.maxAge = maxAge;
        this.enabled = maxEntries > 0;
        this.cache = Caffeine.newBuilder()
                .maximumSize(maxEntries)
                .expireAfter(Expiry.creating((String key, Verified entry) -> entry.lifetime()))
                .ticker(ticker)
                .executor(executor)
                .recordStats()
                .build();
    }

    /** The production cache: system clocks, maintenance on the common pool. */
    public static VerifiedTokens of(int maxEntries, Duration maxAge) {
        return new VerifiedTokens(maxEntries, maxAge, Clock.systemUTC(), Ticker.systemTicker(),
                ForkJoinPool.commonPool());
    }

    /** The identity verified earlier for exactly this header value, while its token is still valid; else null. */
    public SecurityIdentity get(String authorization) {
        if (!enabled || authorization == null) {
            return null;
        }
        Verified entry = cache.getIfPresent(authorization);
        if (entry == null) {
            return null;
        }
        if (clock.millis() >= entry.expiresAtMillis()) {
            // The wall clock moved faster than the cache's own time (a clock step): exp wins.
            cache.invalidate(authorization);
            return null;
        }
        return entry.identity();
    }

    /**
     * Remembers an identity Quarkus OIDC has just verified from this header value. Anonymous identities and tokens
     * without {@code exp} or with less than a second left are not remembered.
     */
    public void put(String authorization, SecurityIdentity identity) {
        if (!enabled || authorization == null || identity == null || identity.isAnonymous()) {
            return;
        }
        long expiresAt = expiryMillis(identity);
        if (expiresAt <= 0) {
            return;
        }
        Duration left = Duration.ofMillis(expiresAt - clock.millis());
        Duration lifetime = left.compareTo(maxAge) < 0 ? left : maxAge;
        if (lifetime.compareTo(Duration.ofSeconds(1)) < 0) {
            return;
        }
        cache.put(authorization, new Verified(detached(identity), expiresAt, lifetime));
    }

    /** Entries held now (an estimate until the cache's maintenance has run). */
    public long size() {
        return cache.estimatedSize();
    }

    /** For the metrics binder and for tests that run the maintenance at once. */
    public Cache<String, ?> cache() {
        return cache;
    }

    /** The token's {@code exp} in epoch millis; 0 without one (its getter would fail on a missing claim). */
    private static long expiryMillis(SecurityIdentity identity) {
        if (identity.getPrincipal() instanceof JsonWebToken jwt && jwt.getClaimNames() != null
                && jwt.getClaimNames().contains("exp")) {
            return jwt.getExpirationTime() * 1000L;
        }
        return 0;
    }

    /** Principal and roles only: no attribute that refers to the request the token was verified on. */
    private static SecurityIdentity detached(SecurityIdentity identity) {
        return QuarkusSecurityIdentity.builder()
                .setPrincipal(identity.getPrincipal())
                .addRoles(identity.getRoles())
                .setAnonymous(false)
                .build();
    }

    /** A verified identity, when its token expires, and how long the cache may keep it (fixed when stored). */
    private record Verified(SecurityIdentity identity, long expiresAtMillis, Duration lifetime) {
    }
}
