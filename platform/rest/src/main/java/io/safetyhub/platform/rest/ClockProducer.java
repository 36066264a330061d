package io.safetyhub.platform.rest;

import io.quarkus.arc.DefaultBean;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;

import java.time.Clock;

/** One clock for every service, so that deadlines and timers are testable; a test may produce its own. */
@ApplicationScoped
public class ClockProducer {
    @Produces
    @ApplicationScoped
    @DefaultBean
    Clock clock() {
        return Clock.systemUTC();
    }
}
