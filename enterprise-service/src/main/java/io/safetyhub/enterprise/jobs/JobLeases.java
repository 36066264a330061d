package io.safetyhub.enterprise.jobs;

import com.mongodb.client.MongoClient;
import io.micrometer.core.instrument.MeterRegistry;
import io.safetyhub.enterprise.config.EnterpriseConfig;
import io.safetyhub.platform.rest.JobLease;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import net.javacrumbs.shedlock.provider.mongo.MongoLockProvider;

/**
 * This service's {@link JobLease}: ShedLock's MongoDB provider keeps one lease document per job in {@code leases}
 * of the service's own database ({@code _id} = job name, {@code lockUntil}, {@code lockedAt}, {@code lockedBy})
 * and takes it with one atomic findOneAndUpdate, so two replicas that wake at the same second cannot both run a job.
 * The commitment check is idempotent (an announcement is marked per enterprise and day once sent), so a lease that
 * lapses under a slow run costs at most a repeated announcement, never a lost one.
 */
@ApplicationScoped
public class JobLeases {
    /** The collection holding one lease document per job, in the service's own database. */
    public static final String COLLECTION = "leases";

    @Produces
    @Singleton
    JobLease lease(MongoClient mongo, EnterpriseConfig config, MeterRegistry meters) {
        return new JobLease(new MongoLockProvider(mongo.getDatabase(config.database()).getCollection(COLLECTION)),
                "enterprise.jobs", config.jobs().leaseAtMost(), config.jobs().leaseAtLeast(), meters);
    }
}
