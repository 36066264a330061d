package io.safetyhub.warning.notify;

import org.eclipse.microprofile.config.ConfigProvider;

import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;

/**
 * Channel secrets (robot keys, the DingTalk secret, the SMS key secret) are read by their environment variable's name
 * and never from application.properties. The lookup goes through MicroProfile Config only so that a test can hand
 * a fake one as a system property; in production the environment is the one source that has them.
 */
public final class Secrets {
    private final Function<String, Optional<String>> lookup;

    public Secrets(Function<String, Optional<String>> lookup) {
        this.lookup = lookup;
    }

    public static Secrets fromEnvironment() {
        return new Secrets(name -> {
            String env = System.getenv(name);
            if (env != null && !env.isBlank()) {
                return Optional.of(env);
            }
            return ConfigProvider.getConfig().getOptionalValue(name, String.class).filter(v -> !v.isBlank());
        });
    }

    public Optional<String> get(String name) {
        return lookup.apply(name);
    }

    /** {@code ops-1} -> {@code SAFETYHUB_WECOM_KEY_OPS_1}: the variable holding a named robot's secret. */
    public static String variable(String prefix, String name) {
        return prefix + name.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]", "_");
    }
}
