package io.safetyhub.enforcement.finding;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.scheduler.Scheduled;
import io.safetyhub.enforcement.config.EnforcementConfig;
import io.safetyhub.platform.rest.JobLease;
import io.safetyhub.enforcement.jobs.JobsDisabled;
import io.safetyhub.events.InspectionFinding;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.UUID;

/**
 * Sends findings on {@code enforcement.findings.v1} (key enterpriseId) from the {@code findings} collection, which is
 * the outbox: a finding is stored before it is sent and marked once Kafka acknowledged it, so a crash or a Kafka
 * outage in between sends it again later, with the same findingId and eventId, rather than losing it.
 */
@ApplicationScoped
public class FindingPublisher {
    static final String CHANNEL = "enforcement-findings";
    private static final Logger LOG = Logger.getLogger(FindingPublisher.class);
    private static final int BATCH = 200;

    private final FindingRepository findings;
    private final MutinyEmitter<InspectionFinding> emitter;
    private final EnforcementConfig config;
    private final JobLease lease;
    private final Clock clock;
    private final MeterRegistry meters;

    public FindingPublisher(
            FindingRepository findings,
            @Channel(CHANNEL) MutinyEmitter<InspectionFinding> emitter,
            EnforcementConfig config,
            JobLease lease,
            Clock clock,
            MeterRegistry meters) {
        this.findings = findings;
        this.emitter = emitter;
        this.config = config;
        this.lease = lease;
        this.clock = clock;
        this.meters = meters;
    }

    @Scheduled(every = "${enforcement.jobs.findings-every:30s}", delayed = "20s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP, skipExecutionIf = JobsDisabled.class)
    void sweep() {
        lease.run("findings-outbox", this::publishPending);
    }

    /** Sends every finding not yet acknowledged; returns how many were sent. */
    public int publishPending() {
        int sent = 0;
        for (Finding finding : findings.unpublished(BATCH)) {
            try {
                publish(finding);
                sent++;
            } catch (RuntimeException e) {
                LOG.warnf("finding %s not acknowledged by Kafka (%s); it is sent again on the next sweep", finding.id(), e.getMessage());
                break; // Kafka is away: the rest waits for the next sweep
            }
        }
        return sent;
    }

    void publish(Finding f) {
        emitter.sendMessage(Message.of(toEvent(f)).addMetadata(OutgoingKafkaRecordMetadata.<String>builder()
                .withKey(f.enterpriseId()).build())).await().atMost(config.jobs().publishTimeout());
        findings.markPublished(f.id());
        meters.counter("safetyhub.enforcement.findings.published", "grade", f.grade().name()).increment();
        LOG.infof("finding %s published for %s (%s, deadline %s)", f.id(), f.enterpriseId(), f.grade(), f.deadline());
    }

    InspectionFinding toEvent(Finding f) {
        return new InspectionFinding(UUID.nameUUIDFromBytes(f.id().getBytes(StandardCharsets.UTF_8)), clock.instant(),
                config.source(), f.id(), f.inspectionId(), f.enterpriseId(), f.enterpriseName(), f.district(), f.town(),
                f.sector().name(), f.itemCode(), f.item(), f.legalBasis(), f.note(),
                InspectionFinding.Grade.valueOf(f.grade().name()), f.deadline(), f.inspectedOn(), f.inspectors(),
                "/api/enforcement/inspections/" + f.inspectionId());
    }
}
