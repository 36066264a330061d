package io.safetyhub.devstack;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Properties;
import java.util.stream.Stream;

/** Locates what the Maven build produced: infra module jars with their classpaths, service jars. */
public final class ModuleJars {

    /** What a developer runs to build the infrastructure modules only. */
    public static final String BUILD_INFRA = "./mvnw -q -B -f devstack/pom.xml package -DskipTests";

    private ModuleJars() {
    }

    /**
     * {@code <jar>:<classpath.txt>} of an infra module such as {@code kafka-broker}, if built.
     * The classpath file is written by the module's own build (dependency:build-classpath).
     */
    public static Optional<String> infraClasspath(Path root, String module) {
        Path target = root.resolve("devstack").resolve(module).resolve("target");
        Path classpathFile = target.resolve("classpath.txt");
        if (!Files.isRegularFile(classpathFile) || !Files.isDirectory(target)) {
            return Optional.empty();
        }
        try (Stream<Path> files = Files.list(target)) {
            Optional<Path> jar = files
                    .filter(file -> file.getFileName().toString().startsWith("devstack-" + module + "-"))
                    .filter(file -> file.getFileName().toString().endsWith(".jar"))
                    .filter(file -> !file.getFileName().toString().matches(".*-(sources|javadoc|tests)\\.jar"))
                    .findFirst();
            if (jar.isEmpty()) {
                return Optional.empty();
            }
            String dependencies = Files.readString(classpathFile).trim();
            return Optional.of(jar.get() + (dependencies.isEmpty() ? "" : File.pathSeparator + dependencies));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The message for a missing infra module: names the module and the command that builds it. */
    public static String notBuilt(String module) {
        return "devstack/" + module + " is not built (no target/devstack-" + module + "-*.jar and "
                + "target/classpath.txt): run " + BUILD_INFRA;
    }

    /** A version the root pom pins, as filtered into devstack.properties at build time. */
    public static String version(String key) {
        Properties properties = new Properties();
        try (InputStream in = ModuleJars.class.getResourceAsStream("devstack.properties")) {
            if (in == null) {
                throw new IllegalStateException("devstack.properties missing from the launcher's classpath");
            }
            properties.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String value = properties.getProperty(key);
        if (value == null || value.contains("${")) {
            throw new IllegalStateException(key + " not filtered into devstack.properties: rebuild the launcher");
        }
        return value;
    }

    /** The java executable running us, so every component uses the same JDK. */
    public static String javaExecutable() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }
}
