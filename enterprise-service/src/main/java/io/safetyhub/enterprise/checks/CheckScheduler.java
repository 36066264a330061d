package io.safetyhub.enterprise.checks;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.scheduler.Scheduled;
import io.quarkus.scheduler.ScheduledExecution;
import io.safetyhub.enterprise.config.EnterpriseConfig;
import io.safetyhub.enterprise.enterprise.TenantScope;
import io.safetyhub.enterprise.riskpoint.CheckFrequency;
import io.safetyhub.enterprise.riskpoint.RiskPoint;
import io.safetyhub.enterprise.riskpoint.RiskPointRepository;
import io.safetyhub.platform.rest.JobLease;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;

/**
 * Makes check tasks fall due: for every task of every risk point, the instance of the period that contains now
 * (shift, day, week, month) is created if missing; open instances past their due time are counted once as overdue
 * ({@code safetyhub.enterprise.checks.overdue}, tagged by frequency only, so the tags stay bounded). Every replica
 * schedules it; the platform's {@link JobLease} lets one of them run it. Tests call {@link #run(Instant)}.
 */
@ApplicationScoped
public class CheckScheduler {
    /** Name of the lease: one replica at a time makes tasks fall due. */
    public static final String JOB = "check-tasks-due";
    private static final Logger LOG = Logger.getLogger(CheckScheduler.class);

    private final RiskPointRepository points;
    private final CheckInstanceRepository instances;
    private final JobLease lease;
    private final Clock clock;
    private final MeterRegistry meters;
    private final ZoneId zone;
    private final int shiftHours;

    public CheckScheduler(RiskPointRepository points, CheckInstanceRepository instances, JobLease lease, Clock clock,
                          MeterRegistry meters, EnterpriseConfig config) {
        this.points = points;
        this.instances = instances;
        this.lease = lease;
        this.clock = clock;
        this.meters = meters;
        this.zone = config.zone();
        this.shiftHours = config.riskPoints().shiftHours();
        if (shiftHours < 1 || 24 % shiftHours != 0) {
            throw new IllegalStateException("enterprise.risk-points.shift-hours must divide 24, got " + shiftHours);
        }
    }

    /** What one run did. */
    public record Run(int created, int newlyOverdue) {
    }

    /**
     * The first run waits {@code enterprise.risk-points.first-check-after} (20 s) after start: run at once, it came
     * before the demo seed had written its risk points, so a fresh stack's seeded tasks fell due a whole
     * {@code check-every} (5 min) later.
     */
    @Scheduled(every = "${enterprise.risk-points.check-every:5m}",
            delayed = "${enterprise.risk-points.first-check-after:20s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Disabled.class)
    void scheduled() {
        lease.run(JOB, () -> run(clock.instant()));
    }

    public Run run(Instant now) {
        int[] created = {0};
        points.forEach(TenantScope.everything(), p -> p.measures().forEach(m -> m.tasks().forEach(t -> {
            if (instances.insertIfAbsent(instance(p, m, t, now))) {
                created[0]++;
            }
        })));
        int overdue = 0;
        for (CheckInstance c : instances.overdueUncounted(now)) {
            meters.counter("safetyhub.enterprise.checks.overdue", "frequency", c.frequency().name()).increment();
            instances.markOverdueCounted(c.id());
            overdue++;
            LOG.infof("check %s of %s (%s, post %s) overdue since %s", c.id(), c.enterpriseId(), c.pointName(), c.post(),
                    c.dueAt());
        }
        if (created[0] > 0 || overdue > 0) {
            LOG.infof("check tasks at %s: %d instances fell due, %d became overdue", now, created[0], overdue);
        }
        return new Run(created[0], overdue);
    }

    private CheckInstance instance(RiskPoint p, RiskPoint.Measure m, RiskPoint.Task t, Instant now) {
        CheckFrequency f = t.frequency();
        CheckSlot slot = CheckSlot.containing(f, now, zone, shiftHours);
        String id = "ci-" + p.id() + "-" + t.id() + "-" + slot.label();
        return new CheckInstance(id, p.enterpriseId(), p.district(), p.town(), p.id(), p.name(), m.id(), m.description(),
                t.id(), t.content(), f, t.post(), slot.from(), slot.due(), CheckStatus.OPEN, null, null, null, null, false);
    }

    /** Skips the scheduled run when {@code enterprise.risk-points.check-enabled=false}. */
    @ApplicationScoped
    public static class Disabled implements Scheduled.SkipPredicate {
        private final EnterpriseConfig config;

        public Disabled(EnterpriseConfig config) {
            this.config = config;
        }

        @Override
        public boolean test(ScheduledExecution execution) {
            return !config.riskPoints().checkEnabled();
        }
    }
}
