package io.safetyhub.emergency.common;

import io.safetyhub.emergency.config.EmergencyConfig;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;

/** The service's notion of now, in whole seconds, and of today in the platform's zone (Asia/Shanghai). */
@ApplicationScoped
public class Today {
    private final Clock clock;
    private final ZoneId zone;

    public Today(Clock clock, EmergencyConfig config) {
        this.clock = clock;
        this.zone = config.zone();
    }

    public Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.SECONDS);
    }

    public LocalDate date() {
        return LocalDate.ofInstant(clock.instant(), zone);
    }

    public LocalDate dateOf(Instant instant) {
        return LocalDate.ofInstant(instant, zone);
    }

    public ZoneId zone() {
        return zone;
    }
}
