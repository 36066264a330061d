package io.safetyhub.enforcement.posting;

import io.quarkus.scheduler.Scheduled;
import io.safetyhub.enforcement.audit.AuditLog;
import io.safetyhub.enforcement.common.Today;
import io.safetyhub.platform.rest.JobLease;
import io.safetyhub.enforcement.jobs.JobsDisabled;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.time.LocalDate;

/** Puts every pending posting on the public view on its last working day at the latest, on one replica at a time. */
@ApplicationScoped
public class PostingDue {
    private static final Logger LOG = Logger.getLogger(PostingDue.class);
    static final String JOB = "postings-due";

    private final PostingService postings;
    private final JobLease lease;
    private final Today today;

    public PostingDue(
            PostingService postings,
            JobLease lease,
            Today today) {
        this.postings = postings;
        this.lease = lease;
        this.today = today;
    }

    @Scheduled(every = "${enforcement.jobs.due-every:15m}", delayed = "40s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP, skipExecutionIf = JobsDisabled.class)
    void scheduled() {
        lease.run(JOB, () -> run(today.date()));
    }

    public int run(LocalDate day) {
        int posted = postings.publishDue(AuditLog.system(JOB), day);
        if (posted > 0) {
            LOG.infof("%d decision(s) reached their last posting day and are now public", posted);
        }
        return posted;
    }
}
