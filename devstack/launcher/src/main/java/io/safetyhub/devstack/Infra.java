package io.safetyhub.devstack;

import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The three infrastructure components, each in its own process: mongo-wire, Kafka and Keycloak, with the
 * addresses clients use to reach them. There is no MQTT broker: device-adapter is the MQTT server devices
 * connect to, and {@link #mqttUrl()} is its plain listener (see {@link Platform#links}).
 */
public final class Infra {

    public static final String MONGO = "mongo";
    public static final String KAFKA = "kafka";
    public static final String KEYCLOAK = "keycloak";
    public static final String REALM = "safetyhub";

    /**
     * The ports of one stack. {@code mqtt} is device-adapter's plain MQTT listener, chosen here with the others so
     * that the simulator, e2e tests and the bench know the endpoint before the adapter starts.
     */
    public record Ports(int mongo, int kafka, int kafkaController, int mqtt, int keycloak) {

        /** The laptop stack's ports, as every service's application.properties expects them. */
        public static Ports defaults() {
            return new Ports(27017, 9092, 9093, 1883, 8180);
        }

        /** Five distinct ports free right now, so a test stack never clashes with `up`. */
        public static Ports free() {
            List<ServerSocket> held = new ArrayList<>();
            try {
                for (int i = 0; i < 5; i++) {
                    ServerSocket socket = new ServerSocket();
                    socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
                    held.add(socket);
                }
                return new Ports(held.get(0).getLocalPort(), held.get(1).getLocalPort(),
                        held.get(2).getLocalPort(), held.get(3).getLocalPort(), held.get(4).getLocalPort());
            } catch (IOException e) {
                throw new IllegalStateException("no free TCP ports on 127.0.0.1", e);
            } finally {
                held.forEach(socket -> {
                    try {
                        socket.close();
                    } catch (IOException ignored) {
                        // closing a listening socket we own does not fail in practice
                    }
                });
            }
        }
    }

    /** One TCP port free on the loopback right now. */
    public static int freePort() {
        try (ServerSocket socket = new ServerSocket()) {
            socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException("no free TCP port on 127.0.0.1", e);
        }
    }

    private final Path root;
    private final StackHome home;
    private final Ports ports;
    private final KeycloakDist keycloak;
    private final Path keycloakPidFile;
    private final boolean exitWithParent;

    /**
     * @param keycloakHome    where Keycloak is unpacked and keeps its database
     * @param keycloakPidFile its pid file; beside its database when that outlives the stack home
     * @param exitWithParent  the JVM mains exit when this JVM does (test harness), instead of
     *                        outliving it (laptop stack)
     */
    public Infra(Path root, StackHome home, Ports ports, Path keycloakHome, Path keycloakPidFile,
                 boolean exitWithParent, PrintStream out) {
        this.root = root;
        this.home = home;
        this.ports = ports;
        this.keycloak = new KeycloakDist(keycloakHome, root.resolve("devstack/realm/safetyhub-realm.json"), out);
        this.keycloakPidFile = keycloakPidFile;
        this.exitWithParent = exitWithParent;
    }

    public Ports ports() {
        return ports;
    }

    public List<Component> components() {
        return List.of(mongo(), kafka(), keycloak());
    }

    /** Fails with a message naming the module to build when a jar or the Keycloak zip is missing. */
    public void requireBuilt() {
        List<String> missing = new ArrayList<>();
        for (String module : List.of("mongo-wire", "kafka-broker")) {
            if (ModuleJars.infraClasspath(root, module).isEmpty()) {
                missing.add(ModuleJars.notBuilt(module));
            }
        }
        if (!keycloak.available()) {
            missing.add(keycloak.notAvailable());
        }
        if (!missing.isEmpty()) {
            throw new StackException(String.join("; ", missing));
        }
    }

    public String mongoConnectionString() {
        return "mongodb://127.0.0.1:" + ports.mongo();
    }

    public String kafkaBootstrapServers() {
        return "127.0.0.1:" + ports.kafka();
    }

    /** device-adapter's plain MQTT listener: devices log in there with their registered credentials. */
    public String mqttUrl() {
        return "tcp://127.0.0.1:" + ports.mqtt();
    }

    /** With localhost, never 127.0.0.1: the issuer in tokens is built from it. */
    public String keycloakUrl() {
        return "http://localhost:" + ports.keycloak();
    }

    public String issuer() {
        return keycloakUrl() + "/realms/" + REALM;
    }

    public Component mongo() {
        Path data = home.data(MONGO);
        // 1 GiB, not 256 MiB: the H2 backend keeps whole documents (history buckets with their samples) on the heap
        // while it rewrites them; at 256 MiB bench/ measured 21 full collections in 25 s at 1,500 readings/s.
        return javaMain(MONGO, "mongo-wire", "io.safetyhub.devstack.mongo.MongoWireServerMain", "1g",
                List.of(Integer.toString(ports.mongo()), data.resolve("mongo.mv").toString()),
                List.of(ports.mongo()), new Probe.LogLine(ports.mongo(), "ready on port"), Duration.ofSeconds(60));
    }

    public Component kafka() {
        return javaMain(KAFKA, "kafka-broker", "io.safetyhub.devstack.kafka.KafkaBrokerMain", "512m",
                List.of(home.data(KAFKA).toString(), Integer.toString(ports.kafka()),
                        Integer.toString(ports.kafkaController())),
                List.of(ports.kafka(), ports.kafkaController()),
                new Probe.LogLine(ports.kafka(), "Kafka Server started"), Duration.ofSeconds(120));
    }

    public Component keycloak() {
        int port = ports.keycloak();
        Probe probe = new Probe.Http("http://127.0.0.1:" + port + "/realms/" + REALM + "/.well-known/openid-configuration",
                "\"issuer\":\"" + issuer() + "\"");
        Map<String, String> environment = Map.of(
                "JAVA_HOME", System.getProperty("java.home"),
                "JAVA_OPTS_KC_HEAP", "-Xms64m -Xmx512m",
                // Test harness: C1 only, as the test JVMs and the services they start. The first start re-augments and
                // imports on a 2-core CI machine; C2's compiler threads cost ~36 % of its CPU to ready (110 s -> 70 s).
                "JAVA_OPTS_APPEND", exitWithParent ? "-XX:TieredStopAtLevel=1" : "",
                // Only used when the master realm is first created: an admin console login for dev.
                "KC_BOOTSTRAP_ADMIN_USERNAME", "admin",
                "KC_BOOTSTRAP_ADMIN_PASSWORD", "admin");
        // The first start unpacks, re-augments Keycloak for dev mode and imports the realm.
        return new Component(KEYCLOAK, keycloak.command(port), environment, keycloak.dist().getParent(),
                List.of(port), probe, home.logFile(KEYCLOAK), keycloakPidFile, keycloak.marker(),
                Duration.ofSeconds(300), keycloak::prepare);
    }

    private Component javaMain(String name, String module, String mainClass, String heap, List<String> args,
                               List<Integer> componentPorts, Probe probe, Duration timeout) {
        Path pidFile = home.pidFile(name);
        List<String> command = new ArrayList<>();
        command.add(ModuleJars.javaExecutable());
        command.add("-Xmx" + heap);
        if (exitWithParent && KAFKA.equals(name)) {
            // Test harness (each module's test JVM starts one): C1 only cut the broker's CPU to ready by a third
            // (9-10 s -> 6 s). Not mongo-wire: unmeasured; every DB call of the tests goes through it.
            command.add("-XX:TieredStopAtLevel=1");
        }
        // Also the ownership marker: no other program's command line names this pid file.
        command.add("-Dsafetyhub.pidfile=" + pidFile);
        if (exitWithParent) {
            command.add("-Dsafetyhub.parent.pid=" + ProcessHandle.current().pid());
        }
        command.add("-cp");
        command.add(ModuleJars.infraClasspath(root, module).orElse("not-built"));
        command.add(mainClass);
        command.addAll(args);
        Component.Preparation prepare = () -> {
            if (ModuleJars.infraClasspath(root, module).isEmpty()) {
                throw new StackException(ModuleJars.notBuilt(module));
            }
            Files.createDirectories(home.data(name));
        };
        return new Component(name, command, Map.of(), home.data(name), componentPorts, probe,
                home.logFile(name), pidFile, "-Dsafetyhub.pidfile=" + pidFile, timeout, prepare);
    }
}
