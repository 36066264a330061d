package io.safetyhub.k8s;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * What a service module's own configuration says that its deployment must agree with: the Kafka topics of its
 * SmallRye channels and their consumer groups, its management interface, its MongoDB database. Read from the module's
 * application.properties (profile-less keys only) and its {@code @ConfigMapping} defaults.
 */
record ServiceModule(String name, Properties properties, Set<String> consumed, Set<String> produced,
                     Set<String> consumerGroups, Integer managementPort, String database) {
    private static final Pattern CHANNEL_TOPIC = Pattern.compile("^mp\\.messaging\\.(incoming|outgoing)\\.([^.]+)\\.topic$");
    /** {@code @WithDefault("safetyhub_x")} right above {@code String database();}. */
    private static final Pattern DATABASE_DEFAULT = Pattern.compile("@WithDefault\\(\"([^\"]+)\"\\)\\s*String database\\(\\);");

    static ServiceModule read(Path repoRoot, String module) {
        Path dir = repoRoot.resolve(module);
        Properties properties = new Properties();
        try (Reader in = Files.newBufferedReader(dir.resolve("src/main/resources/application.properties"))) {
            properties.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Set<String> consumed = new LinkedHashSet<>();
        Set<String> produced = new LinkedHashSet<>();
        Set<String> groups = new LinkedHashSet<>();
        String application = properties.getProperty("quarkus.application.name", module);
        for (String key : properties.stringPropertyNames()) {
            Matcher m = CHANNEL_TOPIC.matcher(key);
            if (!m.matches()) {
                continue;
            }
            String topic = properties.getProperty(key).trim();
            if (m.group(1).equals("incoming")) {
                consumed.add(topic);
                // Quarkus's default consumer group is the application name.
                groups.add(properties.getProperty("mp.messaging.incoming." + m.group(2) + ".group.id", application).trim());
            } else {
                produced.add(topic);
            }
        }
        Integer management = Boolean.parseBoolean(properties.getProperty("quarkus.management.enabled", "false").trim())
                ? Integer.valueOf(properties.getProperty("quarkus.management.port", "9000").trim()) : null;
        return new ServiceModule(module, properties, consumed, produced, groups, management, database(dir, properties));
    }

    /** The module's MongoDB database: quarkus.mongodb.database, else its mapping's database() default; null if none. */
    private static String database(Path dir, Properties properties) {
        String quarkus = properties.getProperty("quarkus.mongodb.database");
        if (quarkus != null) {
            return quarkus.trim();
        }
        Path sources = dir.resolve("src/main/java");
        if (!Files.isDirectory(sources)) {
            return null;
        }
        try (Stream<Path> files = Files.walk(sources)) {
            for (Path file : files.filter(f -> f.toString().endsWith("Config.java")).toList()) {
                Matcher m = DATABASE_DEFAULT.matcher(Files.readString(file));
                if (m.find()) {
                    return m.group(1);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return null;
    }

    boolean usesKafka() {
        return properties.containsKey("kafka.bootstrap.servers") || !consumed.isEmpty() || !produced.isEmpty();
    }

    boolean usesMongo() {
        return properties.containsKey("quarkus.mongodb.connection-string");
    }
}
