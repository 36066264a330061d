package io.safetyhub.enforcement.jobs;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.safetyhub.platform.rest.JobLease;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoCollection;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.safetyhub.devstack.testing.RealInfraResource;
import jakarta.inject.Inject;
import net.javacrumbs.shedlock.provider.mongo.MongoLockProvider;
import org.bson.Document;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Two replicas share one lease collection on the real MongoDB wire server: a job runs on one of them at a time. */
@QuarkusTest
@QuarkusTestResource(value = RealInfraResource.class, restrictToAnnotatedClass = false)
class JobLeaseIT {
    @Inject
    MongoClient mongo;

    @Test
    void shouldSkipTheJobOnTheOtherReplicaWhileOneHoldsTheLease() {
        MongoCollection<Document> leases = mongo.getDatabase("lease_it_" + UUID.randomUUID().toString().substring(0, 8))
                .getCollection(JobLeases.COLLECTION);
        JobLease replicaA = new JobLease(new MongoLockProvider(leases), "enforcement.jobs", Duration.ofMinutes(5), Duration.ZERO, new SimpleMeterRegistry());
        JobLease replicaB = new JobLease(new MongoLockProvider(leases), "enforcement.jobs", Duration.ofMinutes(5), Duration.ZERO, new SimpleMeterRegistry());
        AtomicInteger runs = new AtomicInteger();

        boolean ranOnA = replicaA.run("postings-due", () -> {
            runs.incrementAndGet();
            // Replica B tries from another thread, as another process would: ShedLock lets the thread that holds a
            // lease re-enter it, so trying from A's own thread would prove nothing.
            assertFalse(elsewhere(() -> replicaB.run("postings-due", runs::incrementAndGet)),
                    "replica B ran the job while replica A held its lease");
            assertTrue(elsewhere(() -> replicaB.run("findings-outbox", () -> 0)), "another job's lease is free");
            return runs.get();
        });

        assertTrue(ranOnA);
        assertEquals(1, runs.get());
        assertTrue(elsewhere(() -> replicaB.run("postings-due", runs::incrementAndGet)), "the lease is free again once A is done");
        assertEquals(2, runs.get());
    }

    private static boolean elsewhere(Supplier<Boolean> attempt) {
        try {
            return CompletableFuture.supplyAsync(attempt).get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("the other replica's attempt failed", e);
        }
    }
}
