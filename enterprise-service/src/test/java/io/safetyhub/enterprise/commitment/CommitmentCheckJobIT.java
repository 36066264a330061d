package io.safetyhub.enterprise.commitment;

import com.mongodb.client.MongoClient;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.safetyhub.devstack.testing.RealInfraResource;
import io.safetyhub.enterprise.jobs.JobLeases;
import io.safetyhub.enterprise.config.EnterpriseConfig;
import io.safetyhub.platform.testing.ScheduledJobContract;
import jakarta.inject.Inject;
import net.javacrumbs.shedlock.core.LockProvider;
import net.javacrumbs.shedlock.provider.mongo.MongoLockProvider;

import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The 09:00 missing-commitment check runs once across replicas (platform-testing's contract, on real MongoDB). */
@QuarkusTest
@QuarkusTestResource(value = RealInfraResource.class, restrictToAnnotatedClass = false)
class CommitmentCheckJobIT extends ScheduledJobContract {
    /** 10:00 in Shanghai on a day no other test touches: past the 09:00 deadline. */
    private static final Instant NOW = Instant.parse("2031-03-03T02:00:00Z");

    @Inject
    MongoClient mongo;
    @Inject
    MissingCommitmentCheck check;
    @Inject
    EnterpriseConfig config;
    @Inject
    MeterRegistry meters;

    @Override
    protected LockProvider freshLeaseStore() {
        return new MongoLockProvider(mongo.getDatabase("lease_it_" + UUID.randomUUID().toString().substring(0, 8))
                .getCollection(JobLeases.COLLECTION));
    }

    @Override
    protected LockProvider serviceLeaseStore() {
        return new MongoLockProvider(mongo.getDatabase(config.database()).getCollection(JobLeases.COLLECTION));
    }

    @Override
    protected String scope() {
        return "enterprise.jobs";
    }

    @Override
    protected String job() {
        return MissingCommitmentCheck.JOB;
    }

    @Override
    protected List<?> runRound() {
        return check.check(NOW);
    }

    @Override
    protected void assertFirstRoundDidItsWork(List<?> announced) {
        assertTrue(announced.contains("chem-banan-01"), "the demo plant posted no commitment that day: " + announced);
        assertEquals(new HashSet<>(announced).size(), announced.size(), "no enterprise announced twice: " + announced);
    }

    @Override
    protected void runScheduled() {
        check.scheduled();
    }

    @Override
    protected MeterRegistry meters() {
        return meters;
    }
}
