package io.safetyhub.devstack.testing;

import io.safetyhub.devstack.Component;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A platform app's component with a test's own settings: system properties placed before {@code -jar} (they override
 * the app's application.properties, as the stack's links do) and environment variables added (secrets, which the
 * services read from the environment only). Same name, ports, pid file and data.
 */
final class Reconfigured {
    private Reconfigured() {
    }

    static Component with(Component original, Map<String, String> properties, Map<String, String> environment) {
        List<String> command = new ArrayList<>(original.command());
        int jar = command.indexOf("-jar");
        if (jar < 0) {
            throw new IllegalArgumentException(original.name() + " is not started with -jar: " + command);
        }
        List<String> extra = new ArrayList<>();
        properties.forEach((key, value) -> extra.add("-D" + key + "=" + value));
        command.addAll(jar, extra);
        Map<String, String> env = new HashMap<>(original.environment());
        env.putAll(environment);
        return new Component(original.name(), command, env, original.workDir(), original.ports(), original.probe(),
                original.logFile(), original.pidFile(), original.marker(), original.startTimeout(), original.prepare());
    }
}
