package io.safetyhub.enforcement.credit;

import io.quarkus.scheduler.Scheduled;
import io.safetyhub.enforcement.jobs.JobsDisabled;
import io.safetyhub.platform.rest.JobLease;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

/**
 * Time changes a standing without any event: entries leave the one-year window, a 严重失信 entry reaches its early
 * exit or its end. Once a day every standing is recomputed from its ledger (a change is kept with the cause
 * "recompute"), on one replica at a time.
 */
@ApplicationScoped
public class CreditRecompute {
    private static final Logger LOG = Logger.getLogger(CreditRecompute.class);
    static final String JOB = "credit-recompute";

    private final CreditLedger ledger;
    private final JobLease lease;

    public CreditRecompute(
            CreditLedger ledger,
            JobLease lease) {
        this.ledger = ledger;
        this.lease = lease;
    }

    @Scheduled(cron = "0 30 1 * * ?", timeZone = "${enforcement.zone:Asia/Shanghai}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP, skipExecutionIf = JobsDisabled.class)
    void scheduled() {
        lease.run(JOB, this::run);
    }

    public int run() {
        int n = ledger.recomputeAll();
        LOG.infof("credit standings of %d enterprises recomputed", n);
        return n;
    }
}
