package io.safetyhub.enterprise.duty;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.scheduler.Scheduled;
import io.quarkus.scheduler.ScheduledExecution;
import io.safetyhub.enterprise.config.EnterpriseConfig;
import io.safetyhub.enterprise.enterprise.Enterprise;
import io.safetyhub.enterprise.enterprise.EnterpriseRepository;
import io.safetyhub.enterprise.majorhazard.MajorHazard;
import io.safetyhub.enterprise.majorhazard.MajorHazardRepository;
import io.safetyhub.events.DutyOverdue;
import io.safetyhub.platform.rest.JobLease;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Finds, for each role of each installation, the periods that ended without a duty check and announces each ONCE as
 * {@link DutyOverdue} on {@code enterprise.duties.v1} (key = installation id; idempotency key dutyKey
 * {@code installationId|role|periodStart}); warning-service raises a blue alarm for the regulator. What was announced is
 * remembered in {@code duty_overdue}, so a rerun, or another replica, announces nothing twice; it is published first
 * and remembered afterwards, so a crash in between repeats an announcement (the consumers dedupe on dutyKey) rather
 * than losing it. Every replica schedules the check; the platform's {@link JobLease} lets one of them run it. Tests
 * call {@link #run(Instant)}.
 */
@ApplicationScoped
public class DutyOverdueCheck {
    /** Name of the lease: one replica at a time announces overdue duties. */
    public static final String JOB = "duties-overdue";
    static final String CHANNEL = "enterprise-duties";
    private static final Logger LOG = Logger.getLogger(DutyOverdueCheck.class);

    private final MajorHazardRepository installations;
    private final DutyRepository duties;
    private final EnterpriseRepository registry;
    private final MutinyEmitter<DutyOverdue> emitter;
    private final JobLease lease;
    private final Clock clock;
    private final MeterRegistry meters;
    private final EnterpriseConfig config;

    public DutyOverdueCheck(MajorHazardRepository installations, DutyRepository duties, EnterpriseRepository registry,
                            @Channel(CHANNEL) MutinyEmitter<DutyOverdue> emitter, JobLease lease, Clock clock,
                            MeterRegistry meters, EnterpriseConfig config) {
        this.installations = installations;
        this.duties = duties;
        this.registry = registry;
        this.emitter = emitter;
        this.lease = lease;
        this.clock = clock;
        this.meters = meters;
        this.config = config;
    }

    @Scheduled(every = "${enterprise.duties.check-every:15m}", delayed = "${enterprise.duties.first-check-after:20s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Disabled.class)
    void scheduled() {
        lease.run(JOB, () -> run(clock.instant()));
    }

    /** @return the dutyKeys announced by this run */
    public List<String> run(Instant now) {
        List<String> announced = new ArrayList<>();
        installations.forEach(m -> duties.holders(m.id()).ifPresent(a -> announced.addAll(check(m, a, now))));
        if (!announced.isEmpty()) {
            LOG.infof("duty checks at %s: %d overdue periods announced", now, announced.size());
        }
        return announced;
    }

    private List<String> check(MajorHazard m, DutyAssignment a, Instant now) {
        ZoneId zone = config.zone();
        Set<String> already = duties.announcedKeys(m.id());
        List<String> announced = new ArrayList<>();
        for (DutyRole role : DutyRole.values()) {
            DutyHolder holder = a.holder(role);
            if (holder == null) {
                continue;
            }
            DutyFrequency frequency = role.frequency(config.duties());
            List<DutyPeriod> ended = DutyPeriod.endedSince(frequency, holder.since(), now, zone);
            if (ended.isEmpty()) {
                continue;
            }
            Set<java.time.LocalDate> days = duties.checkDays(m.id(), role, ended.get(0).start());
            for (DutyPeriod p : ended) {
                String key = OverdueDuty.key(m.id(), role, p.start());
                if (already.contains(key) || days.stream().anyMatch(p::contains)) {
                    continue;
                }
                Enterprise e = registry.findById(m.enterpriseId()).orElse(null);
                OverdueDuty o = new OverdueDuty(key, m.id(), m.name(), m.enterpriseId(), e == null ? null : e.name(),
                        m.district(), m.town(), role, holder.name(), frequency, p.start(), p.dueBy(zone), now);
                publish(o, now);
                duties.markAnnounced(o);
                meters.counter("safetyhub.enterprise.duties.overdue", "role", role.name()).increment();
                LOG.infof("duty %s overdue: no %s check by %s for the period from %s (due %s)", key, role.label(),
                        holder.name(), p.start(), o.dueBy());
                announced.add(key);
            }
        }
        return announced;
    }

    private void publish(OverdueDuty o, Instant now) {
        DutyOverdue event = new DutyOverdue(UUID.randomUUID(), now, config.source(), o.dutyKey(), o.enterpriseId(),
                o.enterpriseName(), o.district(), o.town(), o.installationId(), o.installationName(), o.role().toEvent(),
                o.personName(), o.frequency().name(), o.periodStart(), o.dueBy());
        Duration timeout = config.registryTopic().timeout();
        emitter.sendMessage(Message.of(event).addMetadata(OutgoingKafkaRecordMetadata.<String>builder()
                .withKey(o.installationId()).build())).await().atMost(timeout);
    }

    /** Skips the scheduled run when {@code enterprise.duties.check-enabled=false}. */
    @ApplicationScoped
    public static class Disabled implements Scheduled.SkipPredicate {
        private final EnterpriseConfig config;

        public Disabled(EnterpriseConfig config) {
            this.config = config;
        }

        @Override
        public boolean test(ScheduledExecution execution) {
            return !config.duties().checkEnabled();
        }
    }
}
