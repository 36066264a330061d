package io.safetyhub.training.jobs;

import io.safetyhub.platform.rest.JobLease;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoCollection;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.safetyhub.devstack.testing.RealInfraResource;
import io.safetyhub.training.certificate.Certificate;
import io.safetyhub.training.certificate.CertificateKind;
import io.safetyhub.training.certificate.CertificateRepository;
import io.safetyhub.training.compliance.Reminder;
import io.safetyhub.training.compliance.ReminderCheck;
import jakarta.inject.Inject;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import net.javacrumbs.shedlock.core.LockConfiguration;
import net.javacrumbs.shedlock.provider.mongo.MongoLockProvider;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
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

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Two replicas of the reminder check share one lease collection on the real MongoDB wire server and are triggered
 * at the same moment: the check runs on one of them, and runs again once the lease has lapsed.
 */
@QuarkusTest
@QuarkusTestResource(value = RealInfraResource.class, restrictToAnnotatedClass = false)
class JobLeaseIT {
    private static final Duration AT_MOST = Duration.ofMinutes(1);
    private static final Duration AT_LEAST = Duration.ofSeconds(2);

    @Inject
    MongoClient mongo;
    @Inject
    ReminderCheck check;
    @Inject
    CertificateRepository certificates;

    private final ExecutorService replicas = Executors.newFixedThreadPool(2);

    @AfterEach
    void stopReplicas() {
        replicas.shutdownNow();
    }

    @Test
    void shouldPublishTheReminderOnceWhenTwoReplicasRunTheCheckAtTheSameMoment() throws Exception {
        // A certificate of its own, due long after every other one has expired, so only it is due on that day.
        String certificateId = "lease-it-" + UUID.randomUUID();
        LocalDate validUntil = LocalDate.of(2090, 6, 20);
        certificates.save(new Certificate(certificateId, "lease-it-person", "lease-it-enterprise",
                CertificateKind.SPECIAL_OPERATION, "T" + certificateId.hashCode(), "lease IT", validUntil.minusYears(6),
                validUntil, null, false, null, null, null, List.of(), Instant.now()));
        LocalDate day = validUntil.minusDays(19);
        MongoCollection<Document> leases = freshLeases();
        JobLease replicaA = replica(leases);
        JobLease replicaB = replica(leases);
        Queue<Reminder> published = new ConcurrentLinkedQueue<>();
        CyclicBarrier sameMoment = new CyclicBarrier(2);

        Future<Boolean> ranOnA = replicas.submit(() -> {
            sameMoment.await(30, TimeUnit.SECONDS);
            return replicaA.run(ReminderCheck.JOB, () -> published.addAll(check.check(day)));
        });
        Future<Boolean> ranOnB = replicas.submit(() -> {
            sameMoment.await(30, TimeUnit.SECONDS);
            return replicaB.run(ReminderCheck.JOB, () -> published.addAll(check.check(day)));
        });

        boolean a = ranOnA.get(60, TimeUnit.SECONDS);
        boolean b = ranOnB.get(60, TimeUnit.SECONDS);
        assertTrue(a ^ b, "exactly one replica runs the check (A ran: " + a + ", B ran: " + b + ")");
        assertEquals(List.of(certificateId), published.stream().map(Reminder::certificateId).toList(),
                "one reminder published for the certificate due that day");

        // Once the lease lapses the next round runs again, and finds the reminder already published.
        JobLease later = a ? replicaB : replicaA;
        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(250))
                .until(() -> replicas.submit(() -> later.run(ReminderCheck.JOB, () -> published.addAll(check.check(day))))
                        .get(60, TimeUnit.SECONDS));
        assertEquals(1, published.size(), "the second run publishes nothing new");
    }

    @Test
    void shouldRunOnAnotherReplicaWhenTheHolderDiedAndItsLeaseExpired() throws Exception {
        MongoCollection<Document> leases = freshLeases();
        // The dead replica took the lease for two seconds at most and never released it.
        assertTrue(new MongoLockProvider(leases).lock(new LockConfiguration(Instant.now(), ReminderCheck.JOB,
                Duration.ofSeconds(2), Duration.ZERO)).isPresent());
        JobLease survivor = replica(leases);
        AtomicInteger runs = new AtomicInteger();

        assertFalse(replicas.submit(() -> survivor.run(ReminderCheck.JOB, runs::incrementAndGet)).get(30, TimeUnit.SECONDS),
                "the lease of the dead replica still holds");
        assertEquals(0, runs.get());
        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(250))
                .until(() -> replicas.submit(() -> survivor.run(ReminderCheck.JOB, runs::incrementAndGet)).get(30, TimeUnit.SECONDS));
        assertEquals(1, runs.get());
    }

    private MongoCollection<Document> freshLeases() {
        return mongo.getDatabase("lease_it_" + UUID.randomUUID().toString().substring(0, 8)).getCollection(JobLeases.COLLECTION);
    }

    private static JobLease replica(MongoCollection<Document> leases) {
        return new JobLease(new MongoLockProvider(leases), "training.jobs", AT_MOST, AT_LEAST, new SimpleMeterRegistry());
    }
}
