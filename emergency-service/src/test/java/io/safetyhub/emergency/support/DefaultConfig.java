package io.safetyhub.emergency.support;

import io.quarkus.runtime.configuration.DurationConverter;
import io.safetyhub.emergency.config.EmergencyConfig;
import io.smallrye.config.SmallRyeConfigBuilder;

import java.time.Duration;

/** {@link EmergencyConfig} with nothing set, so every value is the documented default the rule tests check. */
public final class DefaultConfig {
    private DefaultConfig() {
    }

    public static EmergencyConfig get() {
        return new SmallRyeConfigBuilder().withMapping(EmergencyConfig.class)
                .withConverter(Duration.class, 200, new DurationConverter())
                .build().getConfigMapping(EmergencyConfig.class);
    }
}
