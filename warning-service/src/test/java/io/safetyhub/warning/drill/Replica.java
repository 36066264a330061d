package io.safetyhub.warning.drill;

import io.safetyhub.devstack.testing.TestInfra;
import org.awaitility.Awaitility;

import java.io.File;
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
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One warning-service replica: the packaged app ({@code target/quarkus-app}, built by {@code package} before the
 * integration tests run) as a process of its own on a free port, small heap, linked to this JVM's Kafka, MongoDB and
 * Keycloak, with settings of its own. Its log goes to {@code target/<name>.log} (appended across restarts).
 */
final class Replica implements AutoCloseable {
    private static final Path JAR = Path.of("target", "quarkus-app", "quarkus-run.jar");
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private final String name;
    private final Map<String, String> settings;
    private Process process;
    private int port;

    Replica(String name, Map<String, String> settings) {
        this.name = name;
        this.settings = settings;
    }

    /** Starts the process (does not wait for it: {@link #awaitReady}). */
    Replica start() {
        if (!Files.isRegularFile(JAR)) {
            throw new IllegalStateException(JAR.toAbsolutePath() + " is missing: the app is packaged before ITs run");
        }
        TestInfra infra = TestInfra.shared();
        port = freePort();
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx128m", "-XX:+UseSerialGC",
                "-XX:TieredStopAtLevel=1", "-Dquarkus.http.host=127.0.0.1", "-Dquarkus.http.port=" + port,
                "-Dkafka.bootstrap.servers=" + infra.kafkaBootstrapServers(),
                "-Dquarkus.mongodb.connection-string=" + infra.mongoConnectionString(),
                "-Dquarkus.oidc.auth-server-url=" + infra.issuer(), "-Dreplica.id=" + name));
        settings.forEach((key, value) -> command.add("-D" + key + "=" + value));
        command.addAll(List.of("-jar", JAR.toString()));
        try {
            File log = Path.of("target", name + ".log").toFile();
            process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log)).start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    /** Waits (bounded) until the app answers its readiness check. */
    void awaitReady(Duration atMost) {
        String url = portUrl() + "/q/health/ready";
        Awaitility.await(name + " ready").atMost(atMost).pollInterval(Duration.ofMillis(250))
                .failFast(name + " exited; see target/" + name + ".log", () -> !process.isAlive())
                .ignoreExceptions()
                .until(() -> HTTP.send(HttpRequest.newBuilder(URI.create(url)).build(),
                        HttpResponse.BodyHandlers.discarding()).statusCode() == 200);
    }

    private String portUrl() {
        return "http://127.0.0.1:" + port;
    }

    /** kill -9: no shutdown hook, no revocation, nothing flushed. */
    void kill() {
        if (process == null) {
            return;
        }
        process.destroyForcibly();
        try {
            process.waitFor(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        if (process == null || !process.isAlive()) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
