package io.safetyhub.gateway.proxy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * Real upstreams for the gateway tests: a JDK HTTP server that answers with what it received (and, on
 * two paths, with a problem or not in time), and a port where nothing listens. Every default route is
 * pointed at them, so the default policy is what is tested.
 */
public class EchoUpstreams implements QuarkusTestResourceLifecycleManager {
    static final String PROBLEM_BODY = "{\"type\":\"https://safetyhub.io/problems/illegal-transition\","
            + "\"title\":\"Conflict\",\"status\":409,\"detail\":\"alarm 7 is already closed\",\"code\":\"ILLEGAL_TRANSITION\"}";
    /** Longer than the gateway's test timeout of 1 s. */
    static final long SLOW_MILLIS = 3_000;

    /** Origin the tests may call from; any other is refused. */
    public static final String ALLOWED_ORIGIN = "https://console.safetyhub.test";
    /** Tiny rate class for the rate-limit tests: three requests, then about 1,000 s to wait. */
    public static final String PROBE_PREFIX = "/api/public/rate-probe";
    /** A POST to a path ending so is answered 201 with a Location at the upstream's own address. */
    public static final String CREATED_SUFFIX = "/create";

    private static final List<String> ECHOED_PREFIXES = List.of("/api/enterprises", "/api/hazards",
            "/api/commitments", "/api/public", "/api/alarms", "/api/rules", "/api/readings", "/api/warnings",
            "/api/stats", "/api/devices", "/api/personnel", "/api/certificates", "/api/training-records",
            "/api/activities", "/api/compliance", "/api/exam-results", "/api/public/activities",
            "/api/public/exam-results", "/api/enforcement", "/api/public/enforcement", "/api/major-hazards",
            "/api/risk-points", "/api/check-instances", "/api/duties", "/api/risk-assessments", "/api/emergency",
            "/api/public/emergency", "/api/public/reports");

    /** A GET of an evidence file under this path is answered with {@link #DOWNLOAD_BYTES} bytes, held halfway. */
    public static final String DOWNLOAD_PATH = "/api/enforcement/inspections/i-1/evidence/big";
    public static final int DOWNLOAD_BYTES = 8 * 1024 * 1024;
    /** How long the upstream holds the second half of a download back unless the test releases it first. */
    static final long HOLD_SECONDS = 30;

    /** Routed to {@link StaleConnectionUpstream}: the second request on any of its connections is closed unanswered. */
    public static final String STALE_PREFIX = "/api/warnings/stale";

    private final ObjectMapper json = new ObjectMapper();
    private final Map<String, CountDownLatch> holds = new ConcurrentHashMap<>();
    private HttpServer server;
    private ExecutorService executor;
    private StaleConnectionUpstream stale;

    @Override
    public Map<String, String> start() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            stale = new StaleConnectionUpstream();
        } catch (IOException e) {
            throw new IllegalStateException("cannot start the echo upstream", e);
        }
        executor = Executors.newFixedThreadPool(4);
        server.setExecutor(executor);
        server.createContext("/", this::answer);
        server.start();
        // The training prefixes go to a third name on the same server, so that the OpenAPI merge meets
        // three documents: two that clash on a component, and one that is not reachable (device-adapter).
        String routes = ECHOED_PREFIXES.stream()
                .map(p -> p + (p.contains("exam") || p.contains("activities") ? "=training-service" : "=echo-service"))
                .collect(Collectors.joining(","))
                + ",/api/stats/slow=slow-service,/api/devices/offline=device-adapter," + STALE_PREFIX + "=stale-service";
        String echo = "http://127.0.0.1:" + server.getAddress().getPort();
        return Map.of(
                "gateway.upstreams", "echo-service=" + echo + ",slow-service=" + echo + "/slow"
                        + ",training-service=" + echo + "/training"
                        + ",device-adapter=http://127.0.0.1:" + portNobodyListensOn()
                        + ",stale-service=http://127.0.0.1:" + stale.port(),
                "gateway.routes", routes,
                "gateway.proxy.timeout", "1s",
                "gateway.proxy.max-body-size", "4K",
                "gateway.proxy.uploads.max-body-size", "16K",
                "gateway.cors.origins", ALLOWED_ORIGIN,
                "gateway.rate-limit.classes", "api /api 200 50,public /api/public 60 10,"
                        + "stream /api/alarms/stream 10 0.2,probe " + PROBE_PREFIX + " 3 0.001,"
                        + "console-token /console/token 2 0.001",
                "gateway.alarm-stream.heartbeat", "1s");
    }

    @Override
    public void stop() {
        if (stale != null) {
            try {
                stale.stop();
            } catch (IOException e) {
                // already closed
            }
        }
        if (server != null) {
            server.stop(0);
            executor.shutdownNow();
        }
    }

    private void answer(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getRawPath();
        if (path.endsWith("/q/openapi")) {
            send(exchange, 200, "application/json", OpenApiDocuments.forPath(path));
            return;
        }
        if (path.startsWith("/slow/api/stats")) {
            // Answered later from a timer, so that no server thread is held while the gateway gives up.
            CompletableFuture.delayedExecutor(SLOW_MILLIS, TimeUnit.MILLISECONDS, executor)
                    .execute(() -> sendQuietly(exchange, 200, "application/json", "{\"late\":true}"));
            return;
        }
        if (path.endsWith(CREATED_SUFFIX)) {
            // A service builds Location from the Host it was called with: its internal address.
            String created = path.substring(0, path.length() - CREATED_SUFFIX.length()) + "/e-1";
            exchange.getResponseHeaders().add("Location", "http://127.0.0.1:" + server.getAddress().getPort() + created);
            send(exchange, 201, "application/json", "{}");
            return;
        }
        if (path.equals(DOWNLOAD_PATH)) {
            download(exchange);
            return;
        }
        if (path.equals("/release")) {
            // Answers whether the download was still holding its second half back when released.
            CountDownLatch hold = holds.get(String.valueOf(exchange.getRequestURI().getRawQuery()));
            boolean held = hold != null && hold.getCount() == 1;
            if (held) {
                hold.countDown();
            }
            send(exchange, 200, "text/plain", held ? "held" : "lapsed");
            return;
        }
        if (path.equals("/api/alarms/7/close")) {
            send(exchange, 409, "application/problem+json", PROBLEM_BODY);
            return;
        }
        Map<String, Object> echo = new LinkedHashMap<>();
        echo.put("method", exchange.getRequestMethod());
        echo.put("path", path);
        echo.put("query", exchange.getRequestURI().getRawQuery());
        echo.put("body", new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
        echo.put("authorization", exchange.getRequestHeaders().getFirst("Authorization"));
        echo.put("requestId", exchange.getRequestHeaders().getFirst("X-Request-Id"));
        echo.put("contentType", exchange.getRequestHeaders().getFirst("Content-Type"));
        echo.put("contentLength", exchange.getRequestHeaders().getFirst("Content-Length"));
        echo.put("cookie", exchange.getRequestHeaders().getFirst("Cookie"));
        echo.put("forwardedFor", exchange.getRequestHeaders().getFirst("X-Forwarded-For"));
        echo.put("lastEventId", exchange.getRequestHeaders().getFirst("Last-Event-ID"));
        echo.put("reportSecret", exchange.getRequestHeaders().getFirst("X-Report-Secret"));
        exchange.getResponseHeaders().add("X-Upstream", "echo");
        // An upstream trying to frame-allow or open CORS must not win over the gateway.
        exchange.getResponseHeaders().add("X-Frame-Options", "ALLOWALL");
        exchange.getResponseHeaders().add("Access-Control-Allow-Origin", "*");
        send(exchange, 200, "application/json", json.writeValueAsString(echo));
    }

    /** The body of the big download: deterministic, so that the test can compare it byte for byte. */
    public static byte[] downloadBody() {
        byte[] body = new byte[DOWNLOAD_BYTES];
        for (int i = 0; i < body.length; i++) {
            body[i] = (byte) (i * 31 + (i >>> 13));
        }
        return body;
    }

    /**
     * Sends the first half of the download, then holds the rest back until {@code /release?<query>} is called (or
     * {@link #HOLD_SECONDS} pass): a gateway that streams has relayed the first half meanwhile, one that buffers
     * the whole body has relayed nothing.
     */
    private void download(HttpExchange exchange) throws IOException {
        byte[] body = downloadBody();
        String key = String.valueOf(exchange.getRequestURI().getRawQuery());
        CountDownLatch hold = new CountDownLatch(1);
        holds.put(key, hold);
        exchange.getResponseHeaders().set("Content-Type", "application/octet-stream");
        exchange.getResponseHeaders().set("Content-Disposition", "attachment; filename=\"big.bin\"");
        try (OutputStream out = exchange.getResponseBody()) {
            exchange.sendResponseHeaders(200, body.length);
            out.write(body, 0, body.length / 2);
            out.flush();
            hold.await(HOLD_SECONDS, TimeUnit.SECONDS);
            hold.countDown();
            out.write(body, body.length / 2, body.length - body.length / 2);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException e) {
            // the gateway or the test gave up: nothing to answer to
        } finally {
            holds.remove(key);
            exchange.close();
        }
    }

    private static void sendQuietly(HttpExchange exchange, int status, String contentType, String body) {
        try {
            send(exchange, status, contentType, body);
        } catch (IOException e) {
            // the gateway gave up and closed the connection: expected
        }
    }

    private static void send(HttpExchange exchange, int status, String contentType, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", contentType);
        try {
            exchange.sendResponseHeaders(status, bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        } catch (IOException e) {
            // the gateway gave up on a slow answer and closed the connection: expected
        } finally {
            exchange.close();
        }
    }

    private static int portNobodyListensOn() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException("no free port", e);
        }
    }
}
