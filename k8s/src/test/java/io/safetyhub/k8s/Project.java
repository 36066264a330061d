package io.safetyhub.k8s;

import io.safetyhub.events.Topics;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/** What the manifests are checked against: the repository's own modules, topics and README. */
final class Project {
    private static final Pattern SECRET_ROW = Pattern.compile("^\\|\\s*`([a-z0-9.-]+)`\\s*\\|");
    static final String SECRETS_HEADING = "## Secrets the operator supplies";

    private Project() {
    }

    static Path k8sDir() {
        return Path.of(System.getProperty("safetyhub.k8s.dir", ".")).toAbsolutePath().normalize();
    }

    static Path repoRoot() {
        return k8sDir().getParent();
    }

    /** Modules that are Quarkus services: those whose application.properties names the application. */
    static Set<String> serviceModules() {
        Set<String> modules = new TreeSet<>();
        try (Stream<Path> dirs = Files.list(repoRoot())) {
            for (Path dir : dirs.filter(Files::isDirectory).toList()) {
                Path properties = dir.resolve("src/main/resources/application.properties");
                if (Files.isRegularFile(properties) && Files.readString(properties).contains("quarkus.application.name=")) {
                    modules.add(dir.getFileName().toString());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return modules;
    }

    /** Every topic name the services use: the String constants of {@link Topics}. */
    static List<String> topics() {
        List<String> names = new ArrayList<>();
        for (Field field : Topics.class.getDeclaredFields()) {
            int mod = field.getModifiers();
            if (Modifier.isStatic(mod) && Modifier.isFinal(mod) && field.getType() == String.class) {
                try {
                    names.add((String) field.get(null));
                } catch (IllegalAccessException e) {
                    throw new IllegalStateException(e);
                }
            }
        }
        return names;
    }

    /** Each service module's configuration, as far as its deployment must agree with it. */
    static java.util.Map<String, ServiceModule> modules() {
        java.util.Map<String, ServiceModule> modules = new java.util.TreeMap<>();
        serviceModules().forEach(m -> modules.put(m, ServiceModule.read(repoRoot(), m)));
        return modules;
    }

    /** What the console serves from its root (files and directories), each of which the Ingress must publish. */
    static Set<String> consoleRoot() {
        Path root = repoRoot().resolve("console/src/main/resources/META-INF/resources");
        Set<String> entries = new TreeSet<>();
        try (Stream<Path> files = Files.list(root)) {
            files.forEach(f -> entries.add(f.getFileName() + (Files.isDirectory(f) ? "/" : "")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return entries;
    }

    /** The heading of the table in k8s/README.md that says what each KafkaUser may do. */
    static final String KAFKA_ACCESS_HEADING = "## Kafka access";

    /** The rows of a table under a "## " heading of k8s/README.md: the code spans of each cell, rows by first cell. */
    static java.util.Map<String, List<List<String>>> readmeTable(Path readme, String heading) {
        java.util.Map<String, List<List<String>>> rows = new java.util.LinkedHashMap<>();
        boolean inSection = false;
        Pattern code = Pattern.compile("`([^`]+)`");
        try {
            for (String line : Files.readAllLines(readme)) {
                if (line.startsWith("## ")) {
                    inSection = line.trim().equals(heading);
                    continue;
                }
                if (!inSection || !line.startsWith("|") || line.startsWith("|---")) {
                    continue;
                }
                String[] cells = line.substring(1).split("\\|");
                List<List<String>> spans = new ArrayList<>();
                for (String cell : cells) {
                    List<String> inCell = new ArrayList<>();
                    Matcher m = code.matcher(cell);
                    while (m.find()) {
                        inCell.add(m.group(1));
                    }
                    spans.add(inCell);
                }
                if (!spans.isEmpty() && spans.get(0).size() == 1) {
                    rows.put(spans.get(0).get(0), spans.subList(1, spans.size()));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return rows;
    }

    /** The Secrets listed in k8s/README.md under {@link #SECRETS_HEADING}: one table row per Secret. */
    static Set<String> operatorSuppliedSecrets() {
        return operatorSuppliedSecrets(k8sDir().resolve("README.md"));
    }

    static Set<String> operatorSuppliedSecrets(Path readme) {
        Set<String> names = new TreeSet<>();
        boolean inSection = false;
        try {
            for (String line : Files.readAllLines(readme)) {
                if (line.startsWith("## ")) {
                    inSection = line.trim().equals(SECRETS_HEADING);
                    continue;
                }
                Matcher m = SECRET_ROW.matcher(line);
                if (inSection && m.find()) {
                    names.add(m.group(1));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return names;
    }
}
