package io.safetyhub.devstack;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/** How the launcher tells that a started component is ready to be used. */
public sealed interface Probe {

    /**
     * @param log        the component's log file, for probes that look for a line in it
     * @param sinceStart how long ago the process was started
     */
    boolean ready(Path log, Duration sinceStart);

    /** Short text for progress lines, e.g. {@code 127.0.0.1:9092}. */
    String target();

    /** Something accepts TCP connections on the port. */
    record Tcp(int port) implements Probe {
        @Override
        public boolean ready(Path log, Duration sinceStart) {
            return tcpOpen(port);
        }

        @Override
        public String target() {
            return "127.0.0.1:" + port;
        }
    }

    /**
     * The port is open and the log holds a marker line. For Kafka an open port alone is too early:
     * the socket is bound before the broker has loaded its metadata and can serve requests.
     */
    record LogLine(int port, String marker) implements Probe {
        @Override
        public boolean ready(Path log, Duration sinceStart) {
            return tcpOpen(port) && logContains(log, marker);
        }

        @Override
        public String target() {
            return "127.0.0.1:" + port;
        }
    }

    /** A GET answers 200 and, when {@code bodyMustContain} is set, the body contains it. */
    record Http(String url, String bodyMustContain) implements Probe {
        public Http(String url) {
            this(url, null);
        }

        @Override
        public boolean ready(Path log, Duration sinceStart) {
            try {
                HttpResponse<String> response = HttpHolder.CLIENT.send(
                        HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(5)).GET().build(),
                        HttpResponse.BodyHandlers.ofString());
                return response.statusCode() == 200
                        && (bodyMustContain == null || response.body().contains(bodyMustContain));
            } catch (IOException e) {
                return false;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }

        @Override
        public String target() {
            URI uri = URI.create(url);
            return uri.getHost() + ":" + uri.getPort();
        }
    }

    /**
     * The process is still running after {@code settle}: for programs that open no port of
     * their own, such as a simulator that only publishes.
     */
    record Alive(Duration settle) implements Probe {
        @Override
        public boolean ready(Path log, Duration sinceStart) {
            return sinceStart.compareTo(settle) >= 0;
        }

        @Override
        public String target() {
            return "(no port)";
        }
    }

    static boolean tcpOpen(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 500);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    static boolean logContains(Path log, String marker) {
        try {
            return Files.exists(log) && new String(Files.readAllBytes(log), StandardCharsets.UTF_8).contains(marker);
        } catch (IOException e) {
            return false;
        }
    }

    /** One client for all probes; built lazily so that the CLI's `status` never pays for it. */
    final class HttpHolder {
        static final HttpClient CLIENT = HttpClient.newBuilder()
                .connectTimeout(Duration.ofSeconds(2))
                .version(HttpClient.Version.HTTP_1_1)
                .build();

        private HttpHolder() {
        }
    }
}
