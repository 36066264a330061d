package io.safetyhub.warning.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Every setting of warning-service; defaults are those of the national standards named on each. */
@ConfigMapping(prefix = "warning")
public interface WarningConfig {

    /** Name written into the {@code source} of every event this service publishes. */
    @WithDefault("warning-service")
    String source();

    /** MongoDB database holding alarms, rules, history and the enterprise view. */
    @WithDefault("safetyhub_warning")
    String database();

    /** Default thresholds of the built-in rules (overridable per enterprise and device). */
    Defaults defaults();

    interface Defaults {
        /** Combustible gas first-level alarm, %LEL (GB/T 50493-2019 §5.5: at most 25). */
        @WithDefault("20")
        double gasLelFirstLevel();

        /** Combustible gas second-level alarm, %LEL (GB/T 50493-2019 §5.5). */
        @WithDefault("50")
        double gasLelSecondLevel();
    }
}
