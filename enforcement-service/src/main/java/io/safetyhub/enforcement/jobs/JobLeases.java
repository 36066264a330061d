package io.safetyhub.enforcement.jobs;

import com.mongodb.client.MongoClient;
import io.micrometer.core.instrument.MeterRegistry;
import io.safetyhub.enforcement.config.EnforcementConfig;
import io.safetyhub.platform.rest.JobLease;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import net.javacrumbs.shedlock.provider.mongo.MongoLockProvider;

import java.time.Duration;

/**
 * This service's {@link JobLease}: ShedLock's MongoDB provider keeps one lease document per job in {@code leases}
 * of the service's own database ({@code _id} = job name, {@code lockUntil}, {@code lockedAt}, {@code lockedBy})
 * and takes it with one atomic findOneAndUpdate, so two replicas that wake at the same second cannot both run a job.
 * Its jobs (publishing findings, scheduling re-inspections, posting decisions) are idempotent, so a lease that lapses
 * under a slow run costs a repeated step, never a wrong one.
 */
@ApplicationScoped
public class JobLeases {
    /** The collection holding one lease document per job, in the service's own database. */
    public static final String COLLECTION = "leases";

    @Produces
    @Singleton
    JobLease lease(MongoClient mongo, EnforcementConfig config, MeterRegistry meters) {
        return new JobLease(new MongoLockProvider(mongo.getDatabase(config.database()).getCollection(COLLECTION)),
                "enforcement.jobs", config.jobs().leaseAtMost(), Duration.ZERO, meters);
    }
}
