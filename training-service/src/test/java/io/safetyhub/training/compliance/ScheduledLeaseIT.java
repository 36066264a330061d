package io.safetyhub.training.compliance;

import com.mongodb.client.MongoClient;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.safetyhub.devstack.testing.RealInfraResource;
import io.safetyhub.training.config.TrainingConfig;
import io.safetyhub.training.jobs.JobLeases;
import jakarta.inject.Inject;
import net.javacrumbs.shedlock.core.LockConfiguration;
import net.javacrumbs.shedlock.core.SimpleLock;
import net.javacrumbs.shedlock.provider.mongo.MongoLockProvider;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The scheduler's entry point goes through the service's own lease: while another replica holds it, it skips. */
@QuarkusTest
@QuarkusTestResource(value = RealInfraResource.class, restrictToAnnotatedClass = false)
class ScheduledLeaseIT {
    @Inject
    ReminderCheck check;
    @Inject
    MongoClient mongo;
    @Inject
    TrainingConfig config;
    @Inject
    MeterRegistry meters;

    @Test
    void shouldSkipTheScheduledCheckWhenAnotherReplicaHoldsItsLease() {
        SimpleLock otherReplica = new MongoLockProvider(mongo.getDatabase(config.database()).getCollection(JobLeases.COLLECTION))
                .lock(new LockConfiguration(Instant.now(), ReminderCheck.JOB, Duration.ofMinutes(1), Duration.ZERO))
                .orElseThrow(() -> new AssertionError("the lease of " + ReminderCheck.JOB + " was not free"));
        double ran = count("ran");
        double skipped = count("skipped");
        try {
            check.scheduled();
        } finally {
            otherReplica.unlock();
        }
        assertEquals(skipped + 1, count("skipped"), "the scheduled run skipped the round");
        assertEquals(ran, count("ran"), "the scheduled run did not run the check");
    }

    private double count(String outcome) {
        return meters.counter("safetyhub.training.jobs", "job", ReminderCheck.JOB, "outcome", outcome).count();
    }
}
