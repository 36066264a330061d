package io.safetyhub.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The running stack under test: where its brokers and services listen and where the launcher keeps pid files.
 * Defaults are the laptop stack's fixed ports (architecture.md); every one can be given on the command line.
 */
public record Target(Path root, DeviceAccess access, String kafka, String mongo, String gatewayUrl, String warningUrl,
                     String keycloakUrl, String simulatorJar) {

    public static Target from(Options o) {
        Path root = Path.of(o.get("root", System.getProperty("safetyhub.root", "."))).toAbsolutePath().normalize();
        return new Target(root,
                DeviceAccess.from(o, "tcp://127.0.0.1:1883"),
                o.get("kafka", "127.0.0.1:9092"),
                o.get("mongo", "mongodb://127.0.0.1:27017"),
                o.get("gateway", "http://127.0.0.1:8080"),
                o.get("warning", "http://127.0.0.1:8083"),
                // The issuer the services expect is localhost (architecture.md: 127.0.0.1 would be a silent 401).
                o.get("keycloak", "http://localhost:8180"),
                o.get("simulator-jar", root.resolve("simulator/target/simulator.jar").toString()));
    }

    public String mqttUrl() {
        return access.url();
    }

    /** Pids of the launcher's components, from {@code .safetyhub/run/*.pid}, name -> pid. */
    public Map<String, Long> componentPids() {
        Map<String, Long> pids = new LinkedHashMap<>();
        Path run = root.resolve(".safetyhub/run");
        if (!Files.isDirectory(run)) {
            return pids;
        }
        try (Stream<Path> files = Files.list(run)) {
            files.filter(f -> f.getFileName().toString().endsWith(".pid")).sorted().forEach(f -> {
                try {
                    String name = f.getFileName().toString().replace(".pid", "");
                    pids.put(name, Long.parseLong(Files.readString(f).trim()));
                } catch (IOException | NumberFormatException unreadable) {
                    // a pid file being rewritten by a restart: that component is sampled next time
                }
            });
        } catch (IOException e) {
            return pids;
        }
        return pids;
    }

    /** Runs {@code bin/safetyhub <args>} and returns its exit code; its output goes to ours. */
    public int launcher(String... args) {
        String[] command = new String[args.length + 1];
        command[0] = root.resolve("bin/safetyhub").toString();
        System.arraycopy(args, 0, command, 1, args.length);
        try {
            return new ProcessBuilder(command).inheritIO().start().waitFor();
        } catch (IOException e) {
            throw new IllegalStateException("cannot run bin/safetyhub: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 130;
        }
    }
}
