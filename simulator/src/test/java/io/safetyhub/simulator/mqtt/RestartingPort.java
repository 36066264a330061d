package io.safetyhub.simulator.mqtt;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import static org.awaitility.Awaitility.await;

/**
 * An endpoint's port while the endpoint restarts: it takes connections and drops them at once, so every reconnect
 * attempt fails (as against a process that has bound its port and is not serving yet), and it counts them.
 */
final class RestartingPort {
    private RestartingPort() {
    }

    /** Holds {@code port} until at least {@code attempts} connections were dropped, at most {@code bound}. */
    static void failAttempts(int port, int attempts, Duration bound) throws IOException {
        AtomicInteger dropped = new AtomicInteger();
        try (ServerSocket socket = new ServerSocket(port, 100, InetAddress.getLoopbackAddress())) {
            Thread dropper = new Thread(() -> {
                while (!socket.isClosed()) {
                    try (Socket accepted = socket.accept()) {
                        dropped.incrementAndGet();
                    } catch (IOException closed) {
                        return;
                    }
                }
            }, "restarting-port");
            dropper.setDaemon(true);
            dropper.start();
            await().atMost(bound).until(() -> dropped.get() >= attempts);
        }
    }
}
