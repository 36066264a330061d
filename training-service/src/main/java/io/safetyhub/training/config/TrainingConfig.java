package io.safetyhub.training.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Every setting of training-service. */
@ConfigMapping(prefix = "training")
public interface TrainingConfig {

    /** Name written into the {@code source} of every event this service publishes. */
    @WithDefault("training-service")
    String source();

    /** MongoDB database holding personnel, certificates, training records and the enterprise view. */
    @WithDefault("safetyhub_training")
    String database();
}
