package io.safetyhub.platform.rest;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import net.javacrumbs.shedlock.core.LockConfiguration;
import net.javacrumbs.shedlock.core.LockProvider;
import net.javacrumbs.shedlock.core.SimpleLock;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What the lease asks of its provider and what it does with the answer, without a database. */
class JobLeaseTest {
    private static final Duration AT_MOST = Duration.ofMinutes(5);
    private static final Duration AT_LEAST = Duration.ofSeconds(30);

    /** A lock provider that grants or refuses every lease and records what was asked and released. */
    private static final class Provider implements LockProvider {
        final boolean grants;
        final List<LockConfiguration> asked = new ArrayList<>();
        final AtomicInteger released = new AtomicInteger();

        Provider(boolean grants) {
            this.grants = grants;
        }

        @Override
        public Optional<SimpleLock> lock(LockConfiguration configuration) {
            asked.add(configuration);
            return grants ? Optional.of(released::incrementAndGet) : Optional.empty();
        }
    }

    @Test
    void shouldRunTheJobUnderItsNamedLeaseWhenTheLeaseIsFree() {
        Provider provider = new Provider(true);
        AtomicInteger runs = new AtomicInteger();

        assertTrue(new JobLease(provider, "enterprise.jobs", AT_MOST, AT_LEAST, new SimpleMeterRegistry()).run("job", runs::incrementAndGet));

        assertEquals(1, runs.get());
        assertEquals(1, provider.asked.size());
        LockConfiguration asked = provider.asked.get(0);
        assertEquals("job", asked.getName());
        assertEquals(AT_MOST, asked.getLockAtMostFor());
        assertEquals(AT_LEAST, asked.getLockAtLeastFor());
        assertEquals(1, provider.released.get(), "the lease is handed back (until its at-least) after the run");
    }

    @Test
    void shouldSkipTheJobWhenAnotherReplicaHoldsTheLease() {
        Provider provider = new Provider(false);
        AtomicInteger runs = new AtomicInteger();
        SimpleMeterRegistry meters = new SimpleMeterRegistry();

        assertFalse(new JobLease(provider, "enterprise.jobs", AT_MOST, AT_LEAST, meters).run("job", runs::incrementAndGet));

        assertEquals(0, runs.get());
        assertEquals(1.0, meters.counter("safetyhub.enterprise.jobs", "job", "job", "outcome", "skipped").count());
        assertEquals(0.0, meters.counter("safetyhub.enterprise.jobs", "job", "job", "outcome", "ran").count());
    }

    @Test
    void shouldReleaseTheLeaseAndRethrowWhenTheJobFails() {
        Provider provider = new Provider(true);
        JobLease lease = new JobLease(provider, "enterprise.jobs", AT_MOST, AT_LEAST, new SimpleMeterRegistry());

        IllegalStateException thrown = assertThrows(IllegalStateException.class, () -> lease.run("job", () -> {
            throw new IllegalStateException("broker down");
        }));

        assertEquals("broker down", thrown.getMessage());
        assertEquals(1, provider.released.get());
    }

    @Test
    void shouldRefuseToStartWhenTheLeaseIsHeldLongerAtLeastThanAtMost() {
        Provider provider = new Provider(true);

        IllegalArgumentException thrown = assertThrows(IllegalArgumentException.class,
                () -> new JobLease(provider, "enterprise.jobs", AT_LEAST, AT_MOST, new SimpleMeterRegistry()));

        assertTrue(thrown.getMessage().contains("enterprise.jobs.lease-at-least"), thrown.getMessage());
    }
}
