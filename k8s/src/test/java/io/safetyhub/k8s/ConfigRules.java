package io.safetyhub.k8s;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvFromSource;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.safetyhub.k8s.Workloads.Workload;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * An environment variable meant for a service's own settings ({@code ADAPTER_…} for {@code @ConfigMapping(prefix =
 * "adapter")}) names settings that exist: Quarkus ignores an environment variable that matches nothing, so a
 * renamed setting would otherwise leave production silently on its default.
 */
final class ConfigRules {
    private static final Pattern PREFIX = Pattern.compile("@ConfigMapping\\(prefix\\s*=\\s*\"([a-z-]+)\"");
    private static final Pattern METHOD = Pattern.compile("\\b([a-z][A-Za-z0-9]*)\\(\\);");

    private ConfigRules() {
    }

    static List<String> settingsExist(Rendered rendered, Path repoRoot) {
        Map<String, Map<String, String>> configMaps = new java.util.HashMap<>();
        rendered.ofType(ConfigMap.class).forEach(c -> configMaps.put(c.getMetadata().getName(),
                Objects.requireNonNullElse(c.getData(), Map.of())));
        List<String> problems = new ArrayList<>();
        for (Workload w : Workloads.of(rendered)) {
            Path config = repoRoot.resolve(w.name()).resolve("src/main/java/io/safetyhub");
            if (!"service".equals(w.podLabels().get("app.kubernetes.io/component")) || !Files.isDirectory(config)) {
                continue;
            }
            Mapping mapping = mapping(config);
            if (mapping == null) {
                continue;
            }
            for (Container c : w.pod().getContainers()) {
                for (String name : envNames(c, configMaps)) {
                    if (name.startsWith(mapping.envPrefix()) && !segments(tokens(name, mapping), mapping.methods())) {
                        problems.add(w.id() + " sets " + name + ", which names no setting of @ConfigMapping(prefix = \""
                                + mapping.prefix() + "\")");
                    }
                }
            }
        }
        return problems;
    }

    private record Mapping(String prefix, String envPrefix, Set<String> methods) {
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

    /** The module's mapping: its prefix and the lower-cased names of every setting method in its source. */
    private static Mapping mapping(Path sources) {
        String prefix = null;
        Set<String> methods = new HashSet<>();
        try (Stream<Path> files = Files.walk(sources)) {
            for (Path file : files.filter(f -> f.toString().endsWith("Config.java")).toList()) {
                String text = Files.readString(file);
                Matcher p = PREFIX.matcher(text);
                if (!p.find()) {
                    continue;
                }
                prefix = p.group(1);
                Matcher m = METHOD.matcher(text);
                while (m.find()) {
                    methods.add(m.group(1).toLowerCase(Locale.ROOT));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return prefix == null ? null : new Mapping(prefix, prefix.toUpperCase(Locale.ROOT).replace('-', '_') + "_", methods);
    }

    private static List<String> tokens(String env, Mapping mapping) {
        return Arrays.asList(env.substring(mapping.envPrefix().length()).toLowerCase(Locale.ROOT).split("_"));
    }

    /** Whether the words split into consecutive runs that each spell a setting method (OPC_UA_PKI_DIR = opcUa, pkiDir). */
    private static boolean segments(List<String> words, Set<String> methods) {
        if (words.isEmpty()) {
            return true;
        }
        StringBuilder run = new StringBuilder();
        for (int i = 0; i < words.size(); i++) {
            run.append(words.get(i));
            if (methods.contains(run.toString()) && segments(words.subList(i + 1, words.size()), methods)) {
                return true;
            }
        }
        return false;
    }
}
