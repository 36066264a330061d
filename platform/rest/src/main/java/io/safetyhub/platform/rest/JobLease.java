package io.safetyhub.platform.rest;

import io.micrometer.core.instrument.MeterRegistry;
import net.javacrumbs.shedlock.core.ClockProvider;
import net.javacrumbs.shedlock.core.DefaultLockingTaskExecutor;
import net.javacrumbs.shedlock.core.LockConfiguration;
import net.javacrumbs.shedlock.core.LockProvider;
import net.javacrumbs.shedlock.core.LockingTaskExecutor;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.util.function.Supplier;

/**
 * Runs a scheduled job on one replica at a time, through a ShedLock {@link LockProvider} the service supplies (its
 * own database's lease collection: platform holds no storage code). A replica that does not get the lease skips the
 * round. The lease is kept at least {@code atLeast} after a run, so a replica whose timer fires a little later than
 * the holder's skips too instead of repeating the round; a replica that dies holding it loses it after
 * {@code atMost}. Jobs run this way must be idempotent: a lease that lapses under a slow run costs a repeated step.
 * <p>
 * Counted as {@code safetyhub.<scope>{job, outcome=ran|skipped}}: with n replicas about n-1 of every n rounds are
 * skipped, and no "ran" at all means no replica runs the job.
 */
public final class JobLease {
    private static final Logger LOG = Logger.getLogger(JobLease.class);

    private final LockingTaskExecutor executor;
    private final String scope;
    private final Duration atMost;
    private final Duration atLeast;
    private final MeterRegistry meters;

    /**
     * @param scope the settings prefix of the lease durations, e.g. {@code enterprise.jobs}; also names the metric
     */
    public JobLease(LockProvider provider, String scope, Duration atMost, Duration atLeast, MeterRegistry meters) {
        if (atLeast.compareTo(atMost) > 0) {
            throw new IllegalArgumentException(scope + ".lease-at-least (" + atLeast + ") must not exceed "
                    + scope + ".lease-at-most (" + atMost + ")");
        }
        this.executor = new DefaultLockingTaskExecutor(provider);
        this.scope = scope;
        this.atMost = atMost;
        this.atLeast = atLeast;
        this.meters = meters;
    }

    /** Runs {@code job} if this replica gets the lease named {@code name}; returns whether it ran. */
    public <T> boolean run(String name, Supplier<T> job) {
        try {
            LockingTaskExecutor.TaskResult<T> result = executor.executeWithLock(job::get,
                    // Real time, not a service's business clock: ShedLock compares lockUntil with its own clock.
                    new LockConfiguration(ClockProvider.now(), name, atMost, atLeast));
            meters.counter("safetyhub." + scope, "job", name, "outcome", result.wasExecuted() ? "ran" : "skipped")
                    .increment();
            if (!result.wasExecuted()) {
                LOG.debugf("job %s skipped: another replica holds its lease", name);
            }
            return result.wasExecuted();
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable e) {
            throw new IllegalStateException("job " + name + " failed", e);
        }
    }
}
