package io.safetyhub.gateway.alarmstream;

import io.safetyhub.devstack.testing.TestInfra;
import org.awaitility.Awaitility;

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

/**
 * Another gateway replica: the packaged gateway ({@code target/quarkus-app}, built by {@code package} before the
 * integration tests run) as its own process on free ports, linked to this JVM's Kafka and Keycloak like the one
 * under test, with settings of its own. Its log goes to {@code target/<name>.log}.
 */
final class SecondGateway implements AutoCloseable {
    private static final Path JAR = Path.of("target", "quarkus-app", "quarkus-run.jar");
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private final Process process;
    private final int port;

    private SecondGateway(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    /** Starts it and waits (bounded) until it is ready. */
    static SecondGateway start(String name, Map<String, String> settings) {
        if (!Files.isRegularFile(JAR)) {
            throw new IllegalStateException(JAR.toAbsolutePath() + " is missing: the gateway is packaged before ITs run");
        }
        int port = freePort();
        int management = freePort();
        TestInfra infra = TestInfra.shared();
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx192m",
                "-Dvertx.disableURIValidation=true",
                "-Dquarkus.http.host=127.0.0.1", "-Dquarkus.http.port=" + port,
                "-Dquarkus.management.host=127.0.0.1", "-Dquarkus.management.port=" + management,
                "-Dkafka.bootstrap.servers=" + infra.kafkaBootstrapServers(),
                "-Dquarkus.oidc.auth-server-url=" + infra.issuer()));
        settings.forEach((key, value) -> command.add("-D" + key + "=" + value));
        command.addAll(List.of("-jar", JAR.toString()));
        Process process;
        try {
            process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(Path.of("target", name + ".log").toFile()).start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        SecondGateway gateway = new SecondGateway(process, port);
        String ready = "http://127.0.0.1:" + management + "/q/health/ready";
        try {
            Awaitility.await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(500))
                    .failFast(name + " exited; see target/" + name + ".log", () -> !process.isAlive())
                    .ignoreExceptions()
                    .until(() -> HTTP.send(HttpRequest.newBuilder(URI.create(ready)).build(),
                            HttpResponse.BodyHandlers.discarding()).statusCode() == 200);
        } catch (RuntimeException e) {
            gateway.close();
            throw e;
        }
        return gateway;
    }

    String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(20, java.util.concurrent.TimeUnit.SECONDS)) {
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
