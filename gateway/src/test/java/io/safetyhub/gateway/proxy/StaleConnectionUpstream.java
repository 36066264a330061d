package io.safetyhub.gateway.proxy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An upstream that plays the keep-alive race on purpose: it answers the first request of every connection and
 * closes the connection, unanswered, when a second request arrives on it, as a server does that drops an idle
 * connection just as the gateway reuses it. Each answer reports how many requests it has closed unanswered and how
 * many POSTs it has read, so a test sees through the gateway whether a request was sent again. Its OpenAPI path is
 * always answered, so the merged document is not disturbed.
 */
final class StaleConnectionUpstream {
    private final ServerSocket server;
    private final ExecutorService threads = Executors.newCachedThreadPool(runnable -> {
        Thread thread = new Thread(runnable, "stale-upstream");
        thread.setDaemon(true);
        return thread;
    });
    private final AtomicInteger closedUnanswered = new AtomicInteger();
    private final AtomicInteger postsSeen = new AtomicInteger();

    StaleConnectionUpstream() throws IOException {
        server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        threads.execute(this::accept);
    }

    int port() {
        return server.getLocalPort();
    }

    void stop() throws IOException {
        server.close();
        threads.shutdownNow();
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket socket = server.accept();
                threads.execute(() -> serve(socket));
            } catch (IOException e) {
                return; // closed by stop()
            }
        }
    }

    private void serve(Socket socket) {
        try (socket) {
            InputStream in = socket.getInputStream();
            OutputStream out = socket.getOutputStream();
            for (int served = 0; ; served++) {
                String head = readHead(in);
                if (head == null) {
                    return;
                }
                String requestLine = head.substring(0, head.indexOf("\r\n"));
                in.readNBytes(contentLength(head));
                if (requestLine.startsWith("POST ")) {
                    postsSeen.incrementAndGet();
                }
                if (served > 0 && !requestLine.contains("/q/openapi")) {
                    closedUnanswered.incrementAndGet();
                    return;
                }
                String body = requestLine.contains("/q/openapi")
                        ? "{\"openapi\":\"3.1.0\",\"info\":{\"title\":\"stale\",\"version\":\"1\"},\"paths\":{}}"
                        : "{\"closedUnanswered\":" + closedUnanswered.get() + ",\"postsSeen\":" + postsSeen.get() + "}";
                byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
                out.write(("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: " + bytes.length
                        + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
                out.write(bytes);
                out.flush();
            }
        } catch (IOException e) {
            // the gateway closed its side: nothing more to serve
        }
    }

    /** The request line and headers, or null at the end of the stream. */
    private static String readHead(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int matched = 0;
        for (int b = in.read(); b >= 0; b = in.read()) {
            head.write(b);
            matched = b == "\r\n\r\n".charAt(matched) ? matched + 1 : b == '\r' ? 1 : 0;
            if (matched == 4) {
                return head.toString(StandardCharsets.ISO_8859_1);
            }
        }
        return null;
    }

    private static int contentLength(String head) {
        for (String line : head.split("\r\n")) {
            if (line.toLowerCase(Locale.ROOT).startsWith("content-length:")) {
                return Integer.parseInt(line.substring("content-length:".length()).strip());
            }
        }
        return 0;
    }
}
