package io.safetyhub.enforcement.jobs;

import io.quarkus.scheduler.Scheduled;
import io.quarkus.scheduler.ScheduledExecution;
import io.safetyhub.enforcement.config.EnforcementConfig;
import jakarta.enterprise.context.ApplicationScoped;

/** Skips every scheduled job when {@code enforcement.jobs.enabled=false} (tests run them on chosen days instead). */
@ApplicationScoped
public class JobsDisabled implements Scheduled.SkipPredicate {
    private final EnforcementConfig config;

    public JobsDisabled(EnforcementConfig config) {
        this.config = config;
    }

    @Override
    public boolean test(ScheduledExecution execution) {
        return !config.jobs().enabled();
    }
}
