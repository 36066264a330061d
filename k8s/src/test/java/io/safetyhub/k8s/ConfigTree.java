package io.safetyhub.k8s;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A service's {@code @ConfigMapping} as a tree read from its source: each interface's setting methods and their
 * types. An environment variable names a setting if its words walk from the root to a leaf:
 * {@code ADAPTER_OPC_UA_SHARD_COUNT} is {@code opcUa()} (an interface) then {@code shardCount()} (an int), and
 * {@code ADAPTER_OPC_UA_ENDPOINTS_PLANT_A_URL} is {@code opcUa()}, {@code endpoints()} (a map: any key) and
 * {@code url()}. A name of a method of another branch ({@code ADAPTER_OPC_UA_ENABLED} when only the TLS branch has
 * {@code enabled()}) does not walk, which is what Quarkus would do with it: ignore it.
 */
final class ConfigTree {
    private static final Pattern PREFIX = Pattern.compile("@ConfigMapping\\(prefix\\s*=\\s*\"([a-z-]+)\"\\)\\s*(?:public\\s+)?interface\\s+(\\w+)");
    private static final Pattern INTERFACE = Pattern.compile("\\binterface\\s+(\\w+)\\s*\\{");
    /** A setting method: return type, name, no parameters; annotations before it are irrelevant. */
    private static final Pattern METHOD = Pattern.compile("([\\w.]+(?:<[\\w.<>, ?]+>)?)\\s+(\\w+)\\(\\)\\s*;");
    private static final Pattern MAP = Pattern.compile("Map<\\s*String\\s*,\\s*([\\w.]+)\\s*>");
    private static final Pattern OPTIONAL = Pattern.compile("Optional<\\s*([\\w.]+)\\s*>");

    private final String prefix;
    private final String root;
    /** Interface name -> lower-cased method name -> return type. */
    private final Map<String, Map<String, String>> interfaces;

    private ConfigTree(String prefix, String root, Map<String, Map<String, String>> interfaces) {
        this.prefix = prefix;
        this.root = root;
        this.interfaces = interfaces;
    }

    /** The mapping of the module whose sources are under {@code sources}; null if it has none. */
    static ConfigTree of(Path sources) {
        String prefix = null;
        String root = null;
        Map<String, Map<String, String>> interfaces = new HashMap<>();
        try (Stream<Path> files = Files.walk(sources)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                String text = Files.readString(file);
                Matcher p = PREFIX.matcher(text);
                if (p.find()) {
                    prefix = p.group(1);
                    root = p.group(2);
                }
                if (text.contains("@ConfigMapping") || file.getFileName().toString().endsWith("Config.java")) {
                    readInterfaces(text, interfaces);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return prefix == null ? null : new ConfigTree(prefix, root, interfaces);
    }

    String prefix() {
        return prefix;
    }

    String envPrefix() {
        return prefix.toUpperCase(Locale.ROOT).replace('-', '_') + "_";
    }

    /** Whether an environment variable of this mapping's prefix names one of its settings. */
    boolean names(String env) {
        List<String> words = List.of(env.substring(envPrefix().length()).toLowerCase(Locale.ROOT).split("_"));
        return walks(words, root);
    }

    private boolean walks(List<String> words, String iface) {
        Map<String, String> methods = interfaces.getOrDefault(iface, Map.of());
        StringBuilder run = new StringBuilder();
        for (int i = 0; i < words.size(); i++) {
            run.append(words.get(i));
            String type = methods.get(run.toString());
            if (type == null) {
                continue;
            }
            List<String> rest = words.subList(i + 1, words.size());
            Matcher optional = OPTIONAL.matcher(type);
            if (optional.matches()) {
                type = optional.group(1);
            }
            Matcher map = MAP.matcher(type);
            if (map.matches()) {
                // A map's key is any run of words (an endpoint named plant-a is PLANT_A), then its value.
                for (int k = 1; k <= rest.size(); k++) {
                    if (ends(rest.subList(k, rest.size()), map.group(1))) {
                        return true;
                    }
                }
            } else if (ends(rest, type)) {
                return true;
            }
        }
        return false;
    }

    /** The rest of the words name a setting of {@code type}: nothing left for a value, a walk for an interface. */
    private boolean ends(List<String> rest, String type) {
        String simple = type.substring(type.lastIndexOf('.') + 1);
        return interfaces.containsKey(simple) ? !rest.isEmpty() && walks(rest, simple) : rest.isEmpty();
    }

    /** Every interface's own methods (those of interfaces nested in it belong to those). */
    private static void readInterfaces(String source, Map<String, Map<String, String>> interfaces) {
        // Javadoc holds braces ({@code …}) that are not blocks: comments go first.
        String text = source.replaceAll("(?s)/\\*.*?\\*/", " ").replaceAll("(?m)^\\s*//.*$", " ");
        Matcher m = INTERFACE.matcher(text);
        while (m.find()) {
            int open = m.end() - 1;
            int close = matching(text, open);
            StringBuilder own = new StringBuilder();
            int depth = 0;
            for (int i = open + 1; i < close; i++) {
                char c = text.charAt(i);
                if (c == '{') {
                    depth++;
                } else if (c == '}') {
                    depth--;
                } else if (depth == 0) {
                    own.append(c);
                }
            }
            Map<String, String> methods = new HashMap<>();
            Matcher method = METHOD.matcher(own);
            while (method.find()) {
                methods.put(method.group(2).toLowerCase(Locale.ROOT), method.group(1));
            }
            interfaces.put(m.group(1), methods);
        }
    }

    private static int matching(String text, int open) {
        int depth = 0;
        for (int i = open; i < text.length(); i++) {
            if (text.charAt(i) == '{') {
                depth++;
            } else if (text.charAt(i) == '}' && --depth == 0) {
                return i;
            }
        }
        return text.length();
    }
}
