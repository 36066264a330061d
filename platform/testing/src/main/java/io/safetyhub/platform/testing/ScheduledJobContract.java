package io.safetyhub.platform.testing;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.safetyhub.platform.rest.JobLease;
import net.javacrumbs.shedlock.core.LockConfiguration;
import net.javacrumbs.shedlock.core.LockProvider;
import net.javacrumbs.shedlock.core.SimpleLock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The rule every scheduled job of a service keeps through platform-rest's {@link JobLease}: it runs once across
 * replicas. Run against the service's real lease store (the MongoDB wire server): two replicas woken at the same
 * moment run the job once, the next round runs again and finds its work done (the job is idempotent), a dead
 * holder's lease lapses, and the service's own scheduled entry point skips while another replica holds the lease.
 * A service's {@code @QuarkusTest} extends this class once per job. Attempts run on separate threads, as other
 * processes would: ShedLock lets the thread that holds a lease re-enter it, so one thread would prove nothing.
 */
public abstract class ScheduledJobContract {
    private static final Duration AT_MOST = Duration.ofMinutes(1);
    private static final Duration AT_LEAST = Duration.ofSeconds(2);

    private final ExecutorService replicas = Executors.newFixedThreadPool(2);

    /** The lease store of a fresh database: replicas in these tests share it, nothing else touches it. */
    protected abstract LockProvider freshLeaseStore();

    /** The service's own lease store, built independently of the service's provider: as another replica sees it. */
    protected abstract LockProvider serviceLeaseStore();

    /** The {@link JobLease} scope, {@code <service>.jobs}, which is also its counter's name after {@code safetyhub.}. */
    protected abstract String scope();

    /** The job's lease name. */
    protected abstract String job();

    /** One round of the job's body, as its scheduled run executes it; returns what the round announced. */
    protected abstract List<?> runRound();

    /** Checks that the first round did the job's work (what it announced), so that a job that does nothing fails. */
    protected abstract void assertFirstRoundDidItsWork(List<?> announced);

    /** Runs the job's scheduled entry point once, as the scheduler would. */
    protected abstract void runScheduled();

    protected abstract MeterRegistry meters();

    @AfterEach
    void stopReplicas() {
        replicas.shutdownNow();
    }

    @Test
    void shouldRunTheJobOnceWhenTwoReplicasWakeAtTheSameMoment() throws Exception {
        LockProvider leases = freshLeaseStore();
        JobLease replicaA = replica(leases);
        JobLease replicaB = replica(leases);
        List<Object> announced = new ArrayList<>();
        AtomicInteger runs = new AtomicInteger();
        CyclicBarrier sameMoment = new CyclicBarrier(2);

        Future<Boolean> ranOnA = replicas.submit(() -> {
            sameMoment.await(30, TimeUnit.SECONDS);
            return replicaA.run(job(), round(runs, announced));
        });
        Future<Boolean> ranOnB = replicas.submit(() -> {
            sameMoment.await(30, TimeUnit.SECONDS);
            return replicaB.run(job(), round(runs, announced));
        });

        boolean a = ranOnA.get(60, TimeUnit.SECONDS);
        boolean b = ranOnB.get(60, TimeUnit.SECONDS);
        assertTrue(a ^ b, "exactly one replica runs " + job() + " (A ran: " + a + ", B ran: " + b + ")");
        assertEquals(1, runs.get());
        List<Object> once = List.copyOf(announced);
        assertFirstRoundDidItsWork(once);

        // Once the lease lapses the next round runs again, on the other replica, and finds the work already done.
        JobLease later = a ? replicaB : replicaA;
        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(250))
                .until(() -> replicas.submit(() -> later.run(job(), round(runs, announced))).get(60, TimeUnit.SECONDS));
        assertEquals(2, runs.get());
        assertEquals(once, List.copyOf(announced), "the second round announces nothing new");
    }

    @Test
    void shouldRunOnAnotherReplicaWhenTheHolderDiedAndItsLeaseLapsed() throws Exception {
        LockProvider leases = freshLeaseStore();
        // The dead replica took the lease for two seconds at most and never released it.
        assertTrue(leases.lock(new LockConfiguration(Instant.now(), job(), Duration.ofSeconds(2), Duration.ZERO))
                .isPresent());
        JobLease survivor = replica(leases);
        AtomicInteger runs = new AtomicInteger();

        assertFalse(replicas.submit(() -> survivor.run(job(), runs::incrementAndGet)).get(30, TimeUnit.SECONDS),
                "the lease of the dead replica still holds");
        assertEquals(0, runs.get());
        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(250))
                .until(() -> replicas.submit(() -> survivor.run(job(), runs::incrementAndGet)).get(30, TimeUnit.SECONDS));
        assertEquals(1, runs.get());
    }

    @Test
    void shouldSkipTheScheduledRunWhenAnotherReplicaHoldsItsLease() {
        // The service's own scheduler may hold the lease for its at-least time after a round: wait until it is free.
        SimpleLock held = await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(250))
                .until(() -> serviceLeaseStore().lock(new LockConfiguration(Instant.now(), job(), AT_MOST, Duration.ZERO))
                        .orElse(null), lock -> lock != null);
        double ran = count("ran");
        double skipped = count("skipped");
        try {
            runScheduled();
        } finally {
            held.unlock();
        }
        assertEquals(skipped + 1, count("skipped"), "the scheduled run skipped the round");
        assertEquals(ran, count("ran"), "the scheduled run did not run the job");
    }

    private Supplier<Integer> round(AtomicInteger runs, List<Object> announced) {
        return () -> {
            List<?> out = runRound();
            synchronized (announced) {
                announced.addAll(out);
            }
            return runs.incrementAndGet();
        };
    }

    private double count(String outcome) {
        return meters().counter("safetyhub." + scope(), "job", job(), "outcome", outcome).count();
    }

    private JobLease replica(LockProvider leases) {
        return new JobLease(leases, scope(), AT_MOST, AT_LEAST, new SimpleMeterRegistry());
    }
}
