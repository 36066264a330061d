package io.safetyhub.training.jobs;

import com.mongodb.client.MongoClient;
import io.micrometer.core.instrument.MeterRegistry;
import io.safetyhub.training.config.TrainingConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import net.javacrumbs.shedlock.core.ClockProvider;
import net.javacrumbs.shedlock.core.DefaultLockingTaskExecutor;
import net.javacrumbs.shedlock.core.LockConfiguration;
import net.javacrumbs.shedlock.core.LockingTaskExecutor;
import net.javacrumbs.shedlock.provider.mongo.MongoLockProvider;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.util.function.Supplier;

/**
 * Runs a scheduled job on one replica at a time: ShedLock's MongoDB provider keeps one lease document per job in
 * {@code leases} ({@code _id} = job name, {@code lockUntil}, {@code lockedAt}, {@code lockedBy}) and takes it with
 * one atomic findOneAndUpdate, so two replicas that wake at the same second cannot both run the job.
 * <p>
 * The lease is kept at least {@code training.jobs.lease-at-least} after a run, so a replica whose timer fires a
 * little later than the holder's skips the round instead of repeating it; a replica that dies holding the lease
 * loses it after {@code training.jobs.lease-at-most}. The reminder check is idempotent (a reminder is stored
 * before it is sent), so a lease that expires under a slow run costs a repeated step, never a second reminder.
 */
@ApplicationScoped
public class JobLease {
    private static final Logger LOG = Logger.getLogger(JobLease.class);
    /** The collection holding one lease document per job, in the service's own database. */
    public static final String COLLECTION = "leases";

    private final LockingTaskExecutor executor;
    private final Duration atMost;
    private final Duration atLeast;
    private final MeterRegistry meters;

    @Inject
    public JobLease(MongoClient mongo, TrainingConfig config, MeterRegistry meters) {
        this(new DefaultLockingTaskExecutor(new MongoLockProvider(
                        mongo.getDatabase(config.database()).getCollection(COLLECTION))),
                config.jobs().leaseAtMost(), config.jobs().leaseAtLeast(), meters);
    }

    public JobLease(LockingTaskExecutor executor, Duration atMost, Duration atLeast, MeterRegistry meters) {
        if (atLeast.compareTo(atMost) > 0) {
            throw new IllegalArgumentException("training.jobs.lease-at-least (" + atLeast
                    + ") must not exceed training.jobs.lease-at-most (" + atMost + ")");
        }
        this.executor = executor;
        this.atMost = atMost;
        this.atLeast = atLeast;
        this.meters = meters;
    }

    /** Runs {@code job} if this replica gets the lease named {@code name}; returns whether it ran. */
    public <T> boolean run(String name, Supplier<T> job) {
        try {
            LockingTaskExecutor.TaskResult<T> result = executor.executeWithLock(job::get,
                    // Real time, not the service's business clock: ShedLock compares lockUntil with its own clock.
                    new LockConfiguration(ClockProvider.now(), name, atMost, atLeast));
            // ran / skipped per job: with n replicas about n-1 of every n rounds are skipped; none ran means no replica runs it.
            meters.counter("safetyhub.training.jobs", "job", name, "outcome", result.wasExecuted() ? "ran" : "skipped").increment();
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
