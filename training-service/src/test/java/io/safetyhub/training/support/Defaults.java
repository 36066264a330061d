package io.safetyhub.training.support;

import io.quarkus.runtime.configuration.DurationConverter;
import io.safetyhub.training.config.TrainingConfig;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;

import java.time.Duration;

/** The service's configuration with nothing set: every value is its documented default. */
public final class Defaults {
    private Defaults() {
    }

    public static TrainingConfig config() {
        SmallRyeConfig config = new SmallRyeConfigBuilder().withMapping(TrainingConfig.class)
                .withConverter(Duration.class, 200, new DurationConverter()) // "30s", as Quarkus reads it
                .build();
        return config.getConfigMapping(TrainingConfig.class);
    }
}
