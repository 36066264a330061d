package io.safetyhub.enforcement.jobs;

import com.mongodb.client.MongoClient;
import io.safetyhub.enforcement.config.EnforcementConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import net.javacrumbs.shedlock.core.DefaultLockingTaskExecutor;
import net.javacrumbs.shedlock.core.LockConfiguration;
import net.javacrumbs.shedlock.core.LockingTaskExecutor;
import net.javacrumbs.shedlock.provider.mongo.MongoLockProvider;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.time.Instant;
import java.util.function.Supplier;

/**
 * Runs a scheduled job on one replica at a time: ShedLock's MongoDB provider keeps one lease document per job in
 * {@code leases} ({@code _id} = job name, {@code lockUntil}) and takes it with one atomic findOneAndUpdate, so two
 * replicas that wake at the same second cannot both run the job. A replica that dies holding the lease loses it
 * after {@code enforcement.jobs.lease-at-most}. The jobs themselves are idempotent, so a lease that expires while a
 * slow run is still going costs a repeated step, never a wrong one.
 */
@ApplicationScoped
public class JobLease {
    private static final Logger LOG = Logger.getLogger(JobLease.class);
    static final String COLLECTION = "leases";

    private final LockingTaskExecutor executor;
    private final Duration atMost;

    @Inject
    public JobLease(
            MongoClient mongo,
            EnforcementConfig config) {
        this(new DefaultLockingTaskExecutor(new MongoLockProvider(
                mongo.getDatabase(config.database()).getCollection(COLLECTION))), config.jobs().leaseAtMost());
    }

    JobLease(
            LockingTaskExecutor executor,
            Duration atMost) {
        this.executor = executor;
        this.atMost = atMost;
    }

    /** Runs {@code job} if this replica gets the lease named {@code name}; returns whether it ran. */
    public <T> boolean run(String name, Supplier<T> job) {
        try {
            LockingTaskExecutor.TaskResult<T> result = executor.executeWithLock(job::get,
                    new LockConfiguration(Instant.now(), name, atMost, Duration.ZERO));
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
