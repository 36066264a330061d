package io.safetyhub.enforcement.reinspection;

import io.quarkus.scheduler.Scheduled;
import io.safetyhub.enforcement.common.Today;
import io.safetyhub.platform.rest.JobLease;
import io.safetyhub.enforcement.jobs.JobsDisabled;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.time.LocalDate;

/** Makes scheduled re-inspections DUE on their deadline, on one replica at a time. */
@ApplicationScoped
public class ReinspectionDue {
    private static final Logger LOG = Logger.getLogger(ReinspectionDue.class);

    private final ReinspectionRepository repository;
    private final JobLease lease;
    private final Today today;

    public ReinspectionDue(
            ReinspectionRepository repository,
            JobLease lease,
            Today today) {
        this.repository = repository;
        this.lease = lease;
        this.today = today;
    }

    @Scheduled(every = "${enforcement.jobs.due-every:15m}", delayed = "30s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP, skipExecutionIf = JobsDisabled.class)
    void scheduled() {
        lease.run("reinspections-due", () -> run(today.date()));
    }

    /** Marks what is due on {@code day}; returns how many became due. */
    public long run(LocalDate day) {
        long due = repository.markDue(day);
        if (due > 0) {
            LOG.infof("%d re-inspection(s) due by %s are now on the regulators' list", due, day);
        }
        return due;
    }
}
