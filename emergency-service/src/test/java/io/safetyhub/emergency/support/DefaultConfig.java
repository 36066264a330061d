package io.safetyhub.emergency.support;

import io.quarkus.runtime.configuration.DurationConverter;
import io.quarkus.runtime.configuration.MemorySize;
import io.quarkus.runtime.configuration.MemorySizeConverter;
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
                .withConverter(MemorySize.class, 200, new MemorySizeConverter())
                .build().getConfigMapping(EmergencyConfig.class);
    }
}
