package io.safetyhub.training.jobs;

import com.mongodb.client.MongoClient;
import io.micrometer.core.instrument.MeterRegistry;
import io.safetyhub.training.config.TrainingConfig;
import io.safetyhub.platform.rest.JobLease;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import net.javacrumbs.shedlock.provider.mongo.MongoLockProvider;

/**
 * This service's {@link JobLease}: ShedLock's MongoDB provider keeps one lease document per job in {@code leases}
 * of the service's own database ({@code _id} = job name, {@code lockUntil}, {@code lockedAt}, {@code lockedBy})
 * and takes it with one atomic findOneAndUpdate, so two replicas that wake at the same second cannot both run a job.
 * The reminder check is idempotent (a reminder is stored before it is sent), so a lease that lapses under a slow run
 * costs a repeated step, never a second reminder.
 */
@ApplicationScoped
public class JobLeases {
    /** The collection holding one lease document per job, in the service's own database. */
    public static final String COLLECTION = "leases";

    @Produces
    @Singleton
    JobLease lease(MongoClient mongo, TrainingConfig config, MeterRegistry meters) {
        return new JobLease(new MongoLockProvider(mongo.getDatabase(config.database()).getCollection(COLLECTION)),
                "training.jobs", config.jobs().leaseAtMost(), config.jobs().leaseAtLeast(), meters);
    }
}
