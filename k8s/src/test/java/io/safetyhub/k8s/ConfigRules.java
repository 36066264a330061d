package io.safetyhub.k8s;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvFromSource;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.safetyhub.k8s.Workloads.Workload;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * An environment variable meant for a service's own settings ({@code ADAPTER_…} for {@code @ConfigMapping(prefix =
 * "adapter")}) names settings that exist: Quarkus ignores an environment variable that matches nothing, so a
 * renamed setting would otherwise leave production silently on its default. The name must walk the mapping's tree
 * ({@link ConfigTree}), not merely use words that some setting somewhere uses.
 */
final class ConfigRules {

    private ConfigRules() {
    }

    static List<String> settingsExist(Rendered rendered, Path repoRoot) {
        Map<String, Map<String, String>> configMaps = new java.util.HashMap<>();
        rendered.ofType(ConfigMap.class).forEach(c -> configMaps.put(c.getMetadata().getName(),
                Objects.requireNonNullElse(c.getData(), Map.of())));
        List<String> problems = new ArrayList<>();
        for (Workload w : Workloads.of(rendered)) {
            // The module whose image the pod runs (two workloads may run one); by name if the image names none.
            String module = w.module() != null && Files.isDirectory(repoRoot.resolve(w.module())) ? w.module() : w.name();
            Path config = repoRoot.resolve(module).resolve("src/main/java/io/safetyhub");
            if (!"service".equals(w.podLabels().get("app.kubernetes.io/component")) || !Files.isDirectory(config)) {
                continue;
            }
            ConfigTree mapping = ConfigTree.of(config);
            if (mapping == null) {
                continue;
            }
            for (Container c : w.pod().getContainers()) {
                for (String name : envNames(c, configMaps)) {
                    if (name.startsWith(mapping.envPrefix()) && !mapping.names(name)) {
                        problems.add(w.id() + " sets " + name + ", which names no setting of @ConfigMapping(prefix = \""
                                + mapping.prefix() + "\")");
                    }
                }
            }
        }
        return problems;
    }

    private static List<String> envNames(Container c, Map<String, Map<String, String>> configMaps) {
        List<String> names = new ArrayList<>();
        Objects.requireNonNullElse(c.getEnv(), List.<EnvVar>of()).forEach(e -> names.add(e.getName()));
        for (EnvFromSource from : Objects.requireNonNullElse(c.getEnvFrom(), List.<EnvFromSource>of())) {
            if (from.getConfigMapRef() != null) {
                names.addAll(configMaps.getOrDefault(from.getConfigMapRef().getName(), Map.of()).keySet());
            }
        }
        return names;
    }
}
