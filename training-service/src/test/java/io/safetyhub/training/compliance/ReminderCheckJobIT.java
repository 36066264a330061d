package io.safetyhub.training.compliance;

import com.mongodb.client.MongoClient;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.safetyhub.devstack.testing.RealInfraResource;
import io.safetyhub.platform.testing.ScheduledJobContract;
import io.safetyhub.training.certificate.Certificate;
import io.safetyhub.training.certificate.CertificateKind;
import io.safetyhub.training.certificate.CertificateRepository;
import io.safetyhub.training.config.TrainingConfig;
import io.safetyhub.training.jobs.JobLeases;
import jakarta.inject.Inject;
import net.javacrumbs.shedlock.core.LockProvider;
import net.javacrumbs.shedlock.provider.mongo.MongoLockProvider;
import org.junit.jupiter.api.BeforeEach;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The certificate reminder check runs once across replicas (platform-testing's contract, on real MongoDB). */
@QuarkusTest
@QuarkusTestResource(value = RealInfraResource.class, restrictToAnnotatedClass = false)
class ReminderCheckJobIT extends ScheduledJobContract {
    /** Due long after every other test's certificate has expired, so only this test's are due on DAY. */
    private static final LocalDate VALID_UNTIL = LocalDate.of(2090, 6, 20);
    private static final LocalDate DAY = VALID_UNTIL.minusDays(19);

    @Inject
    MongoClient mongo;
    @Inject
    ReminderCheck check;
    @Inject
    CertificateRepository certificates;
    @Inject
    TrainingConfig config;
    @Inject
    MeterRegistry meters;

    private String certificateId;

    @BeforeEach
    void certificateDueOnTheDay() {
        certificateId = "lease-it-" + UUID.randomUUID();
        certificates.save(new Certificate(certificateId, "lease-it-person", "lease-it-enterprise",
                CertificateKind.SPECIAL_OPERATION, "T" + certificateId.hashCode(), "lease IT", VALID_UNTIL.minusYears(6),
                VALID_UNTIL, null, false, null, null, null, List.of(), Instant.now()));
    }

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
        return "training.jobs";
    }

    @Override
    protected String job() {
        return ReminderCheck.JOB;
    }

    @Override
    protected List<?> runRound() {
        return check.check(DAY).stream().map(Reminder::certificateId).toList();
    }

    @Override
    protected void assertFirstRoundDidItsWork(List<?> announced) {
        assertEquals(1, announced.stream().filter(certificateId::equals).count(),
                "one reminder for the certificate due that day: " + announced);
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
