package io.safetyhub.adapter.opcua;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.safetyhub.devstack.testing.RealInfraResource;
import io.safetyhub.devstack.testing.TestInfra;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * The OPC UA client (Milo, ~2,200 classes once a session runs, and BouncyCastle) is loaded only where it is used (issue 16 item 5: class
 * metadata is the largest block of the adapter's memory): the packaged app runs as a process of its own, with the
 * JVM's class-loading log, on this JVM's Kafka and MongoDB (a database of its own, so its registry holds only what
 * the case puts there), and the log is read after a graceful stop. The three cases' apps start and stop together
 * (one after the other they took 36 s of the CI run's 2:49 for this module).
 */
@QuarkusTest
@QuarkusTestResource(value = RealInfraResource.class, restrictToAnnotatedClass = false)
class MiloOnDemandIT {
    private static final Path JAR = Path.of("target", "quarkus-app", "quarkus-run.jar");
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    /** Case name -> its settings. */
    private static final Map<String, Map<String, String>> CASES = Map.of(
            // k8s' device-adapter-mqtt (ADAPTER_OPC_UA_ENABLED=false), although the demo seed registers OPC UA tanks
            "opcua-off", Map.of("adapter.opc-ua.enabled", "false", "adapter.seed-demo", "true"),
            // OPC UA on, but no OPC UA device registered (a database of its own, no demo seed)
            "opcua-no-device", Map.of("adapter.opc-ua.enabled", "true", "adapter.seed-demo", "false"),
            // the counter-check: OPC UA on and the demo seed's OPC UA devices registered
            "opcua-on", Map.of("adapter.opc-ua.enabled", "true", "adapter.seed-demo", "true"));
    private static final Map<String, AppRun> RUNS = new LinkedHashMap<>();

    /**
     * Starts the three cases' apps together, waits until each is ready (or has failed: its test reports that) and
     * stops them together, since a graceful stop takes ~6 s; each test then reads its own app's log.
     */
    @BeforeAll
    static void runEveryCase() throws Exception {
        if (!Files.isRegularFile(JAR)) {
            throw new IllegalStateException(JAR.toAbsolutePath() + " is missing: the app is packaged before ITs run");
        }
        try {
            for (Map.Entry<String, Map<String, String>> entry : CASES.entrySet()) {
                RUNS.put(entry.getKey(), AppRun.start(entry.getKey(), entry.getValue()));
            }
            RUNS.values().forEach(AppRun::awaitReady);
        } finally {
            RUNS.values().forEach(run -> run.process.destroy()); // graceful: each JVM flushes and closes its log
        }
        for (AppRun run : RUNS.values()) {
            if (!run.process.waitFor(30, TimeUnit.SECONDS)) {
                run.process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"opcua-off", "opcua-no-device"})
    void shouldLoadNoMiloClassWhenNoOpcUaSessionIsNeeded(String name) throws Exception {
        List<String> classes = RUNS.get(name).loadedClasses();

        assertEquals(List.of(), named(classes, "org.eclipse.milo."));
        assertEquals(List.of(), named(classes, "org.bouncycastle."));
    }

    @Test
    void shouldLoadMiloWhenAnOpcUaDeviceIsRegistered() throws Exception {
        // The counter-check: the same log does show Milo once a session is to be opened (to an endpoint nobody serves).
        List<String> classes = RUNS.get("opcua-on").loadedClasses();

        assertFalse(named(classes, "org.eclipse.milo.").isEmpty(), "Milo is loaded for the demo devices");
    }

    /** One case's packaged app, started with the JVM's class-loading log; {@code failure} if it never got ready. */
    private static final class AppRun {
        private final String name;
        private final Process process;
        private final int port;
        private final Path log;
        private Throwable failure;

        private AppRun(String name, Process process, int port, Path log) {
            this.name = name;
            this.process = process;
            this.port = port;
            this.log = log;
        }

        static AppRun start(String name, Map<String, String> settings) throws IOException {
            TestInfra infra = TestInfra.shared();
            Path log = Path.of("target", name + "-classes.txt");
            Files.deleteIfExists(log);
            int port = freePort();
            String run = name + "-" + UUID.randomUUID().toString().substring(0, 8);
            List<String> command = new ArrayList<>(List.of(
                    Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx128m", "-XX:+UseSerialGC",
                    "-XX:TieredStopAtLevel=1", "-Xlog:class+load=info:file=" + log,
                    "-Dquarkus.http.host=127.0.0.1", "-Dquarkus.http.port=" + port, "-Dadapter.mqtt.plain.port=0",
                    "-Dkafka.bootstrap.servers=" + infra.kafkaBootstrapServers(),
                    "-Dquarkus.mongodb.connection-string=" + infra.mongoConnectionString(),
                    "-Dquarkus.mongodb.database=" + run.replace('-', '_'),
                    "-Dquarkus.oidc.auth-server-url=" + infra.issuer(),
                    "-Dadapter.publish.spool-dir=target/spool-" + run, "-Dadapter.opc-ua.pki-dir=target/pki-" + run,
                    // an endpoint nobody serves: the session keeps retrying, which is enough to need the client
                    "-Dadapter.opc-ua.demo-endpoint=opc.tcp://127.0.0.1:" + freePort() + "/safetyhub",
                    "-Dadapter.credentials.hash-iterations=20000"));
            settings.forEach((key, value) -> command.add("-D" + key + "=" + value));
            command.addAll(List.of("-jar", JAR.toString()));
            Process process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(Path.of("target", name + ".log").toFile()))
                    .start();
            return new AppRun(name, process, port, log);
        }

        void awaitReady() {
            String ready = "http://127.0.0.1:" + port + "/q/health/ready";
            try {
                Awaitility.await(name + " ready").atMost(Duration.ofSeconds(180)).pollInterval(Duration.ofMillis(200))
                        .failFast(name + " exited; see target/" + name + ".log", () -> !process.isAlive())
                        .ignoreExceptions()
                        .until(() -> HTTP.send(HttpRequest.newBuilder(URI.create(ready)).build(),
                                HttpResponse.BodyHandlers.discarding()).statusCode() == 200);
            } catch (Throwable notReady) {
                failure = notReady;
            }
        }

        /** The names of the classes the app loaded before it was stopped. */
        List<String> loadedClasses() throws Exception {
            if (failure != null) {
                throw new AssertionError(name + " never got ready", failure);
            }
            // "[1.234s][info][class,load] org.eclipse.milo.Foo source: ..." -> the class name
            return Files.readAllLines(log).stream().filter(line -> line.contains("[class,load] "))
                    .map(line -> line.substring(line.indexOf("[class,load] ") + 13).split(" ")[0]).toList();
        }
    }

    private static List<String> named(List<String> classes, String prefix) {
        return classes.stream().filter(c -> c.startsWith(prefix)).toList();
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
