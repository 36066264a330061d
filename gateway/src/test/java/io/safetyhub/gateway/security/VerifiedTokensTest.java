package io.safetyhub.gateway.security;

import com.github.benmanes.caffeine.cache.Ticker;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The cache's rules on a fake clock: what is remembered, and for how long. */
class VerifiedTokensTest {
    private static final Duration MAX_AGE = Duration.ofSeconds(60);
    private final FakeTime time = new FakeTime(Instant.parse("2026-12-01T08:00:00Z"));
    private final VerifiedTokens tokens = new VerifiedTokens(100, MAX_AGE, time, time, Runnable::run);

    @Test
    void shouldReturnSameIdentityWhenSameHeaderIsSeenAgainWithinMaxAge() {
        SecurityIdentity identity = identity("ops", time.instant().plusSeconds(900));
        tokens.put("Bearer a.b.c", identity);
        time.advance(Duration.ofSeconds(59));
        SecurityIdentity hit = tokens.get("Bearer a.b.c");
        assertSame(identity.getPrincipal(), hit.getPrincipal());
        assertEquals(Set.of("operator"), hit.getRoles());
    }

    @Test
    void shouldForgetIdentityWhenMaxAgeIsReachedBeforeTokenExpires() {
        tokens.put("Bearer a.b.c", identity("ops", time.instant().plusSeconds(900)));
        time.advance(MAX_AGE);
        assertNull(tokens.get("Bearer a.b.c"));
    }

    @Test
    void shouldForgetIdentityWhenTokenExpiresBeforeMaxAge() {
        tokens.put("Bearer a.b.c", identity("ops", time.instant().plusSeconds(30)));
        time.advance(Duration.ofSeconds(29));
        assertTrue(tokens.get("Bearer a.b.c") != null, "still valid one second before exp");
        time.advance(Duration.ofSeconds(1));
        assertNull(tokens.get("Bearer a.b.c"));
    }

    @Test
    void shouldForgetIdentityWhenWallClockPassesExpFasterThanTheCacheTime() {
        tokens.put("Bearer a.b.c", identity("ops", time.instant().plusSeconds(30)));
        time.stepWallClock(Duration.ofSeconds(31));
        assertNull(tokens.get("Bearer a.b.c"));
    }

    @Test
    void shouldNotRememberTokenWhenLessThanASecondIsLeft() {
        tokens.put("Bearer a.b.c", identity("ops", time.instant().plusMillis(900)));
        assertNull(tokens.get("Bearer a.b.c"));
    }

    @Test
    void shouldMissWhenHeaderDiffersInOneCharacter() {
        tokens.put("Bearer a.b.c", identity("ops", time.instant().plusSeconds(900)));
        assertNull(tokens.get("Bearer a.b.d"));
        assertNull(tokens.get(null));
    }

    @Test
    void shouldNotRememberIdentityWhenItIsAnonymousOrHasNoExpiry() {
        tokens.put("Bearer a.b.c", QuarkusSecurityIdentity.builder().setAnonymous(true).build());
        tokens.put("Bearer d.e.f", identity("ops", null));
        tokens.put("Bearer g.h.i", null);
        assertNull(tokens.get("Bearer a.b.c"));
        assertNull(tokens.get("Bearer d.e.f"));
        assertNull(tokens.get("Bearer g.h.i"));
    }

    @Test
    void shouldHoldAtMostMaxEntriesWhenManyTokensAreSeen() {
        for (int i = 0; i < 1_000; i++) {
            tokens.put("Bearer t." + i + ".s", identity("user" + i, time.instant().plusSeconds(900)));
        }
        tokens.cache().cleanUp();
        assertTrue(tokens.size() <= 100, "held " + tokens.size());
    }

    @Test
    void shouldRememberNothingWhenMaxEntriesIsZero() {
        VerifiedTokens off = new VerifiedTokens(0, MAX_AGE, time, time, Runnable::run);
        off.put("Bearer a.b.c", identity("ops", time.instant().plusSeconds(900)));
        assertNull(off.get("Bearer a.b.c"));
    }

    private static SecurityIdentity identity(String subject, Instant expiresAt) {
        return QuarkusSecurityIdentity.builder()
                .setPrincipal(new Jwt(subject, expiresAt == null ? Map.of() : Map.of("exp", expiresAt.getEpochSecond())))
                .addRole("operator")
                .addAttribute("request", new Object())
                .build();
    }

    /** A verified token's principal as far as the cache reads it: its subject and exp. */
    private record Jwt(String subject, Map<String, Object> claims) implements JsonWebToken {
        @Override
        public String getName() {
            return subject;
        }

        @Override
        public Set<String> getClaimNames() {
            return claims.keySet();
        }

        @Override
        @SuppressWarnings("unchecked")
        public <T> T getClaim(String claimName) {
            return (T) claims.get(claimName);
        }
    }

    /** Wall clock and the cache's monotonic time, moved together by {@link #advance}, apart by {@link #stepWallClock}. */
    private static final class FakeTime extends Clock implements Ticker {
        private Instant now;
        private long nanos;

        FakeTime(Instant start) {
            this.now = start;
        }

        void advance(Duration by) {
            now = now.plus(by);
            nanos += by.toNanos();
        }

        void stepWallClock(Duration by) {
            now = now.plus(by);
        }

        @Override
        public long read() {
            return nanos;
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }
}
