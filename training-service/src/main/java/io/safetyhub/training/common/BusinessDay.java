package io.safetyhub.training.common;

import io.safetyhub.training.config.TrainingConfig;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;
import java.time.LocalDate;

/** "Today" in the platform's zone (Asia/Shanghai): certificate status, reminders and upcoming activities use it. */
@ApplicationScoped
public class BusinessDay {
    private final Clock clock;
    private final TrainingConfig config;

    public BusinessDay(Clock clock, TrainingConfig config) {
        this.clock = clock;
        this.config = config;
    }

    public LocalDate today() {
        return LocalDate.now(clock.withZone(config.zone()));
    }
}
