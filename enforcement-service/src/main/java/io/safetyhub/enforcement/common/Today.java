package io.safetyhub.enforcement.common;

import io.safetyhub.enforcement.config.EnforcementConfig;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;

/** "Now" and "today" in the platform's zone: deadlines, decision years and working days are counted in it. */
@ApplicationScoped
public class Today {
    private final Clock clock;
    private final EnforcementConfig config;

    public Today(
            Clock clock,
            EnforcementConfig config) {
        this.clock = clock;
        this.config = config;
    }

    public LocalDate date() {
        return LocalDate.ofInstant(clock.instant(), config.zone());
    }

    public Instant now() {
        return clock.instant();
    }
}
