package io.safetyhub.enterprise.jobs;

import io.safetyhub.platform.rest.JobLease;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoCollection;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.safetyhub.devstack.testing.RealInfraResource;
import io.safetyhub.enterprise.commitment.MissingCommitmentCheck;
import jakarta.inject.Inject;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import net.javacrumbs.shedlock.core.LockConfiguration;
import net.javacrumbs.shedlock.provider.mongo.MongoLockProvider;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
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
 * Two replicas of the missing-commitment check share one lease collection on the real MongoDB wire server and are
 * triggered at the same moment: the check runs on one of them, and runs again once the lease has lapsed.
 */
@QuarkusTest
@QuarkusTestResource(value = RealInfraResource.class, restrictToAnnotatedClass = false)
class JobLeaseIT {
    private static final Duration AT_MOST = Duration.ofMinutes(1);
    private static final Duration AT_LEAST = Duration.ofSeconds(2);
    /** 10:00 in Shanghai on a day no other test touches: past the 09:00 deadline. */
    private static final Instant NOW = Instant.parse("2031-03-03T02:00:00Z");

    @Inject
    MongoClient mongo;
    @Inject
    MissingCommitmentCheck check;

    private final ExecutorService replicas = Executors.newFixedThreadPool(2);

    @AfterEach
    void stopReplicas() {
        replicas.shutdownNow();
    }

    @Test
    void shouldAnnounceEachMissingCommitmentOnceWhenTwoReplicasRunTheCheckAtTheSameMoment() throws Exception {
        MongoCollection<Document> leases = freshLeases();
        JobLease replicaA = replica(leases);
        JobLease replicaB = replica(leases);
        Queue<String> announced = new ConcurrentLinkedQueue<>();
        AtomicInteger runs = new AtomicInteger();
        CyclicBarrier sameMoment = new CyclicBarrier(2);

        Future<Boolean> ranOnA = replicas.submit(() -> {
            sameMoment.await(30, TimeUnit.SECONDS);
            return replicaA.run(MissingCommitmentCheck.JOB, job(runs, announced));
        });
        Future<Boolean> ranOnB = replicas.submit(() -> {
            sameMoment.await(30, TimeUnit.SECONDS);
            return replicaB.run(MissingCommitmentCheck.JOB, job(runs, announced));
        });

        boolean a = ranOnA.get(60, TimeUnit.SECONDS);
        boolean b = ranOnB.get(60, TimeUnit.SECONDS);
        assertTrue(a ^ b, "exactly one replica runs the check (A ran: " + a + ", B ran: " + b + ")");
        assertEquals(1, runs.get());
        List<String> once = List.copyOf(announced);
        assertTrue(once.contains("chem-banan-01"), once.toString());
        assertEquals(new HashSet<>(once).size(), once.size(), "no enterprise announced twice: " + once);

        // Once the lease lapses the next round runs again, and finds every missing commitment already announced.
        JobLease later = a ? replicaB : replicaA;
        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(250))
                .until(() -> replicas.submit(() -> later.run(MissingCommitmentCheck.JOB,
                        job(runs, announced))).get(60, TimeUnit.SECONDS));
        assertEquals(2, runs.get());
        assertEquals(once, List.copyOf(announced), "the second run announces nothing new");
    }

    @Test
    void shouldRunOnAnotherReplicaWhenTheHolderDiedAndItsLeaseExpired() throws Exception {
        MongoCollection<Document> leases = freshLeases();
        // The dead replica took the lease for two seconds at most and never released it.
        assertTrue(new MongoLockProvider(leases).lock(new LockConfiguration(Instant.now(), MissingCommitmentCheck.JOB,
                Duration.ofSeconds(2), Duration.ZERO)).isPresent());
        JobLease survivor = replica(leases);
        AtomicInteger runs = new AtomicInteger();

        assertFalse(replicas.submit(() -> survivor.run(MissingCommitmentCheck.JOB, runs::incrementAndGet))
                .get(30, TimeUnit.SECONDS), "the lease of the dead replica still holds");
        assertEquals(0, runs.get());
        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(250))
                .until(() -> replicas.submit(() -> survivor.run(MissingCommitmentCheck.JOB, runs::incrementAndGet))
                        .get(30, TimeUnit.SECONDS));
        assertEquals(1, runs.get());
    }

    /** The scheduled run's body: counts the run and collects what it announced. */
    private Supplier<Integer> job(AtomicInteger runs, Queue<String> announced) {
        return () -> {
            announced.addAll(check.check(NOW));
            return runs.incrementAndGet();
        };
    }

    private MongoCollection<Document> freshLeases() {
        return mongo.getDatabase("lease_it_" + UUID.randomUUID().toString().substring(0, 8)).getCollection(JobLeases.COLLECTION);
    }

    private static JobLease replica(MongoCollection<Document> leases) {
        return new JobLease(new MongoLockProvider(leases), "enterprise.jobs", AT_MOST, AT_LEAST, new SimpleMeterRegistry());
    }
}
