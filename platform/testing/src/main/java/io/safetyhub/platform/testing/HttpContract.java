package io.safetyhub.platform.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.safetyhub.devstack.testing.TestInfra;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The HTTP contract every SafetyHub service and the gateway keep, run against the real process with real Keycloak
 * tokens: RFC 6750 challenges, problem+json for every error, fields named, limits enforced. A service's test
 * extends this class and names one endpoint of its own for each row; a new service gets the contract for free.
 */
public abstract class HttpContract {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();

    /** One request: method, path (with query), body (JSON or null) and the demo user whose token it carries. */
    public record Call(String method, String path, String body, String user) {
    }

    /**
     * Where the service under test listens: by default the port {@code @QuarkusTest} gives the application
     * ({@code quarkus.http.test-port}); a test of another process (the gateway in e2e) names its own.
     */
    protected URI baseUri() {
        return URI.create("http://localhost:"
                + ConfigProvider.getConfig().getValue("quarkus.http.test-port", Integer.class));
    }

    /** A GET that {@link #reader()} may call successfully. */
    protected abstract String securedGet();

    /** A demo user allowed to call {@link #securedGet()}. */
    protected abstract String reader();

    /** A call whose user holds a valid token but not the role the endpoint needs. */
    protected abstract Call wrongRole();

    /** A JSON write the user may make; its body is replaced by broken JSON, an unknown enum, an oversize body. */
    protected abstract Call jsonWrite();

    /** The field of {@link #jsonWrite()}'s body that holds an enum, and its JSON path in an error. */
    protected abstract String enumField();

    /** A GET path with one enum query parameter, without the parameter (e.g. {@code /api/alarms}). */
    protected abstract String enumQueryPath();

    /** The name of that enum query parameter. */
    protected abstract String enumQueryParameter();

    /** The largest body the service accepts ({@code quarkus.http.limits.max-body-size}). */
    protected long maxBodyBytes() {
        return 1024 * 1024;
    }

    @Test
    public void shouldChallengeWithBearerWhenNoTokenIsSent() throws Exception {
        HttpResponse<String> r = send("GET", securedGet(), null, null, null);
        assertProblem(r, 401, "UNAUTHENTICATED");
        assertEquals("Bearer", r.headers().firstValue("WWW-Authenticate").orElse(null));
    }

    @Test
    public void shouldChallengeWithBearerWhenUnknownPathIsCalledWithoutToken() throws Exception {
        HttpResponse<String> r = send("GET", "/api/no-such-thing-" + System.nanoTime(), null, null, null);
        assertProblem(r, 401, "UNAUTHENTICATED");
        assertEquals("Bearer", r.headers().firstValue("WWW-Authenticate").orElse(null));
    }

    @Test
    public void shouldAnswerInvalidTokenWhenSignatureIsForged() throws Exception {
        String token = TestInfra.shared().token(reader());
        String forged = token.substring(0, token.lastIndexOf('.') + 1) + "AAAA" + token.substring(token.lastIndexOf('.') + 5);
        HttpResponse<String> r = send("GET", securedGet(), null, "Bearer " + forged, null);
        assertProblem(r, 401, "UNAUTHENTICATED");
        assertEquals("Bearer error=\"invalid_token\"", r.headers().firstValue("WWW-Authenticate").orElse(null));
    }

    @Test
    public void shouldAnswerInvalidTokenWhenAuthorizationHeaderIsMalformed() throws Exception {
        for (String header : List.of("Bearer ..", "Bearer a.b", "Bearer " + "x".repeat(17_000), "Bearer a b.c.d")) {
            HttpResponse<String> r = send("GET", securedGet(), null, header, null);
            assertProblem(r, 401, "UNAUTHENTICATED");
            assertEquals("Bearer error=\"invalid_token\"", r.headers().firstValue("WWW-Authenticate").orElse(null),
                    "challenge for " + header.substring(0, Math.min(20, header.length())));
        }
    }

    @Test
    public void shouldAnswerForbiddenWhenRoleDoesNotAllowTheCall() throws Exception {
        Call call = wrongRole();
        HttpResponse<String> r = send(call.method(), call.path(), call.body(), bearer(call.user()), "application/json");
        assertProblem(r, 403, "FORBIDDEN");
    }

    @Test
    public void shouldAnswerNotFoundWhenUnknownPathIsCalledWithGoodToken() throws Exception {
        HttpResponse<String> r = send("GET", "/api/no-such-thing-" + System.nanoTime(), null, bearer(reader()), null);
        assertProblem(r, 404, "NOT_FOUND");
    }

    @Test
    public void shouldNameMalformedJsonWhenBodyIsBroken() throws Exception {
        Call call = jsonWrite();
        HttpResponse<String> r = send(call.method(), call.path(), "{\"" + enumField() + "\": ", bearer(call.user()),
                "application/json");
        assertProblem(r, 400, "MALFORMED_JSON");
    }

    @Test
    public void shouldNameTheFieldWhenBodyHasUnknownEnum() throws Exception {
        Call call = jsonWrite();
        JsonNode body = JSON.readTree(call.body());
        ((com.fasterxml.jackson.databind.node.ObjectNode) body).put(enumField(), "NO_SUCH_VALUE");
        HttpResponse<String> r = send(call.method(), call.path(), body.toString(), bearer(call.user()), "application/json");
        JsonNode problem = assertProblem(r, 400, null);
        assertTrue(fields(problem).contains(enumField()), "errors name " + enumField() + ": " + r.body());
    }

    @Test
    public void shouldNameTheParameterWhenQueryHasUnknownEnum() throws Exception {
        String path = enumQueryPath() + (enumQueryPath().contains("?") ? "&" : "?") + enumQueryParameter() + "=NO_SUCH_VALUE";
        HttpResponse<String> r = send("GET", path, null, bearer(reader()), null);
        JsonNode problem = assertProblem(r, 400, null);
        assertTrue(fields(problem).contains(enumQueryParameter()), "errors name " + enumQueryParameter() + ": " + r.body());
    }

    @Test
    public void shouldRefuseWithProblemWhenBodyIsOverTheLimit() throws Exception {
        Call call = jsonWrite();
        String big = "{\"pad\":\"" + "x".repeat((int) maxBodyBytes() + 10) + "\"}";
        HttpResponse<String> r = send(call.method(), call.path(), big, bearer(call.user()), "application/json");
        assertProblem(r, 413, "BODY_TOO_LARGE");
    }

    @Test
    public void shouldRefuseWithProblemWhenMediaTypeIsNotJson() throws Exception {
        Call call = jsonWrite();
        HttpResponse<String> r = send(call.method(), call.path(), "hello", bearer(call.user()), "text/plain");
        assertProblem(r, 415, "UNSUPPORTED_MEDIA_TYPE");
    }

    private String bearer(String user) {
        return "Bearer " + TestInfra.shared().token(user);
    }

    private HttpResponse<String> send(String method, String path, String body, String authorization, String contentType)
            throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(baseUri().resolve(path)).timeout(Duration.ofSeconds(30))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        if (authorization != null) {
            b.header("Authorization", authorization);
        }
        if (contentType != null && body != null) {
            b.header("Content-Type", contentType);
        }
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Asserts status, problem+json media type and the problem's shape; {@code code} null accepts any code. */
    protected static JsonNode assertProblem(HttpResponse<String> r, int status, String code) throws IOException {
        assertEquals(status, r.statusCode(), () -> "status of " + r.request().method() + " " + r.uri() + ": " + r.body());
        assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"),
                () -> "problem+json for " + r.uri() + ", was " + r.headers().firstValue("Content-Type").orElse("none"));
        JsonNode problem = JSON.readTree(r.body());
        assertEquals(status, problem.path("status").asInt(), "status in the body");
        assertNotNull(problem.get("type"), "type");
        assertNotNull(problem.get("title"), "title");
        if (code != null) {
            assertEquals(code, problem.path("code").asText(), () -> "code in " + r.body());
        } else {
            assertTrue(problem.hasNonNull("code"), "a code");
        }
        return problem;
    }

    private static List<String> fields(JsonNode problem) {
        List<String> names = new ArrayList<>();
        problem.path("errors").forEach(e -> names.add(e.path("field").asText()));
        return names;
    }
}
