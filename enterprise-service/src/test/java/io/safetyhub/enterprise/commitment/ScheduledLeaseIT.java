package io.safetyhub.enterprise.commitment;

import com.mongodb.client.MongoClient;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.safetyhub.devstack.testing.RealInfraResource;
import io.safetyhub.enterprise.config.EnterpriseConfig;
import io.safetyhub.enterprise.jobs.JobLeases;
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
    MissingCommitmentCheck check;
    @Inject
    MongoClient mongo;
    @Inject
    EnterpriseConfig config;
    @Inject
    MeterRegistry meters;

    @Test
    void shouldSkipTheScheduledCheckWhenAnotherReplicaHoldsItsLease() {
        SimpleLock otherReplica = new MongoLockProvider(mongo.getDatabase(config.database()).getCollection(JobLeases.COLLECTION))
                .lock(new LockConfiguration(Instant.now(), MissingCommitmentCheck.JOB, Duration.ofMinutes(1), Duration.ZERO))
                .orElseThrow(() -> new AssertionError("the lease of " + MissingCommitmentCheck.JOB + " was not free"));
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
        return meters.counter("safetyhub.enterprise.jobs", "job", MissingCommitmentCheck.JOB, "outcome", outcome).count();
    }
}
