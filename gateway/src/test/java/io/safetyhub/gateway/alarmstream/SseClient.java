package io.safetyhub.gateway.alarmstream;

import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;

/** A minimal Server-Sent Events reader over a real HTTP connection, for the stream tests. */
final class SseClient implements AutoCloseable {
    /** One frame: fields as sent, {@code comment} for lines starting with a colon. */
    record Frame(String id, String event, String data, String comment) {
    }

    private final HttpResponse<InputStream> response;
    private final BlockingQueue<Frame> frames = new LinkedBlockingQueue<>();
    private final List<Frame> seen = new CopyOnWriteArrayList<>();
    private final Thread reader;
    private volatile long endedAtMillis;

    private SseClient(HttpResponse<InputStream> response) {
        this.response = response;
        this.reader = new Thread(this::read, "sse-test-reader");
        this.reader.setDaemon(true);
        this.reader.start();
    }

    static SseClient open(String url, Map<String, String> headers) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).GET().header("Accept", "text/event-stream");
        headers.forEach(request::header);
        return new SseClient(HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofInputStream()));
    }

    int status() {
        return response.statusCode();
    }

    String header(String name) {
        return response.headers().firstValue(name).orElse(null);
    }

    /** Waits (Awaitility, bounded) for the first frame that matches, keeping all frames read on the way; null if none came. */
    Frame await(Predicate<Frame> wanted, Duration within) {
        AtomicReference<Frame> found = new AtomicReference<>(first(wanted));
        if (found.get() != null) {
            return found.get();
        }
        try {
            Awaitility.await().atMost(within).pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(50))
                    .until(() -> {
                        for (Frame frame = frames.poll(); frame != null; frame = frames.poll()) {
                            seen.add(frame);
                            if (found.get() == null && wanted.test(frame)) {
                                found.set(frame);
                            }
                        }
                        return found.get() != null;
                    });
        } catch (ConditionTimeoutException e) {
            return null;
        }
        return found.get();
    }

    private Frame first(Predicate<Frame> wanted) {
        for (Frame frame : seen) {
            if (wanted.test(frame)) {
                return frame;
            }
        }
        return null;
    }

    /** True once the server has ended the stream (end of body), as opposed to the test closing it. */
    boolean ended() {
        return endedAtMillis != 0;
    }

    /** When the stream's end was read (epoch millis), 0 while it is open. */
    long endedAtMillis() {
        return endedAtMillis;
    }

    /** Every frame taken so far by {@link #await}. */
    List<Frame> seen() {
        return List.copyOf(seen);
    }

    @Override
    public void close() throws IOException {
        response.body().close();
    }

    private void read() {
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
            String id = null;
            String event = null;
            StringBuilder data = null;
            String comment = null;
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                if (line.isEmpty()) {
                    if (id != null || event != null || data != null || comment != null) {
                        frames.add(new Frame(id, event, data == null ? null : data.toString(), comment));
                    }
                    id = null;
                    event = null;
                    data = null;
                    comment = null;
                } else if (line.startsWith(":")) {
                    comment = line.substring(1).trim();
                } else if (line.startsWith("id: ")) {
                    id = line.substring(4);
                } else if (line.startsWith("event: ")) {
                    event = line.substring(7);
                } else if (line.startsWith("data: ")) {
                    data = data == null ? new StringBuilder(line.substring(6)) : data.append('\n').append(line.substring(6));
                }
            }
            endedAtMillis = System.currentTimeMillis();
        } catch (IOException e) {
            // closed by the test or by the gateway: the frames read so far stay available
        }
    }
}
