package io.safetyhub.enforcement.jobs;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import io.safetyhub.devstack.testing.TestInfra;
import net.javacrumbs.shedlock.core.DefaultLockingTaskExecutor;
import net.javacrumbs.shedlock.provider.mongo.MongoLockProvider;
import org.bson.Document;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Two replicas share one lease collection on the real MongoDB wire server: a job runs on one of them at a time. */
class JobLeaseIT {

    @Test
    void shouldSkipTheJobOnTheOtherReplicaWhileOneHoldsTheLease() {
        try (MongoClient mongo = MongoClients.create(TestInfra.shared().mongoConnectionString())) {
            MongoCollection<Document> leases = mongo.getDatabase("lease_it_" + UUID.randomUUID().toString().substring(0, 8))
                    .getCollection(JobLease.COLLECTION);
            JobLease replicaA = new JobLease(new DefaultLockingTaskExecutor(new MongoLockProvider(leases)), Duration.ofMinutes(5));
            JobLease replicaB = new JobLease(new DefaultLockingTaskExecutor(new MongoLockProvider(leases)), Duration.ofMinutes(5));
            AtomicInteger runs = new AtomicInteger();

            boolean ranOnA = replicaA.run("postings-due", () -> {
                runs.incrementAndGet();
                boolean ranOnB = replicaB.run("postings-due", runs::incrementAndGet);
                assertFalse(ranOnB, "replica B ran the job while replica A held its lease");
                assertTrue(replicaB.run("findings-outbox", () -> 0), "another job's lease is free");
                return runs.get();
            });

            assertTrue(ranOnA);
            assertEquals(1, runs.get());
            assertTrue(replicaB.run("postings-due", runs::incrementAndGet), "the lease is free again once A is done");
            assertEquals(2, runs.get());
        }
    }
}
