package io.safetyhub.enterprise.commitment;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.scheduler.Scheduled;
import io.safetyhub.enterprise.config.EnterpriseConfig;
import io.safetyhub.enterprise.enterprise.TenantScope;
import io.safetyhub.platform.rest.JobLease;
import io.safetyhub.events.CommitmentMissing;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * After the configured hour, announces each hazardous-chemical enterprise without today's commitment as
 * {@link CommitmentMissing} on {@code enterprise.commitments.v1} (key = enterprise id), once per enterprise
 * and day; warning-service raises a blue alarm from it. The time comes from the injected {@link Clock}
 * through {@link #check(Instant)}, so tests run the check at a chosen moment.
 */
@ApplicationScoped
public class MissingCommitmentCheck {
    static final String CHANNEL = "enterprise-commitments";
    /** Name of the scheduled run's lease: one replica at a time announces missing commitments. */
    public static final String JOB = "commitments-missing";
    private static final Logger LOG = Logger.getLogger(MissingCommitmentCheck.class);

    private final CommitmentService commitments;
    private final CommitmentRepository repository;
    private final MutinyEmitter<CommitmentMissing> emitter;
    private final Clock clock;
    private final EnterpriseConfig config;
    private final Counter missing;
    private final JobLease lease;

    public MissingCommitmentCheck(CommitmentService commitments, CommitmentRepository repository,
                                  @Channel(CHANNEL) MutinyEmitter<CommitmentMissing> emitter, Clock clock,
                                  EnterpriseConfig config, MeterRegistry meters, JobLease lease) {
        this.missing = meters.counter("safetyhub.enterprise.commitments.missing");
        this.commitments = commitments;
        this.repository = repository;
        this.emitter = emitter;
        this.clock = clock;
        this.config = config;
        this.lease = lease;
    }

    @Scheduled(every = "${enterprise.commitment.check-every:60s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Disabled.class)
    void scheduled() {
        // Every replica schedules the check; the lease lets one of them run it (the others skip this round).
        lease.run(JOB, () -> check(clock.instant()));
    }

    /**
     * Announces what is missing at {@code now}; nothing before the day's deadline. Publishes first and
     * marks afterwards, so a crash in between repeats an announcement rather than losing it.
     *
     * @return the enterprises announced by this call
     */
    public List<String> check(Instant now) {
        LocalDate today = commitments.today(now);
        if (now.isBefore(commitments.deadline(today))) {
            return List.of();
        }
        Duration timeout = config.registryTopic().timeout();
        List<String> announced = new java.util.ArrayList<>();
        for (MissingCommitment m : commitments.missingAt(TenantScope.everything(), today, now)) {
            if (repository.wasAnnounced(m.enterpriseId(), today)) {
                continue;
            }
            CommitmentMissing event = new CommitmentMissing(UUID.randomUUID(), now, config.source(), m.enterpriseId(),
                    m.name(), m.district(), m.town(), today, commitments.deadline(today));
            emitter.sendMessage(Message.of(event).addMetadata(OutgoingKafkaRecordMetadata.<String>builder()
                    .withKey(m.enterpriseId()).build())).await().atMost(timeout);
            repository.markAnnounced(m.enterpriseId(), today);
            announced.add(m.enterpriseId());
            missing.increment();
            LOG.infof("commitment of %s for %s missing at %s: announced", m.enterpriseId(), today, now);
        }
        return announced;
    }

    /** Skips the scheduled run when {@code enterprise.commitment.check-enabled=false}. */
    @ApplicationScoped
    public static class Disabled implements Scheduled.SkipPredicate {
        private final EnterpriseConfig config;

        public Disabled(EnterpriseConfig config) {
            this.config = config;
        }

        @Override
        public boolean test(io.quarkus.scheduler.ScheduledExecution execution) {
            return !config.commitment().checkEnabled();
        }
    }
}
