package io.safetyhub.gateway.http;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.safetyhub.devstack.testing.RealInfraResource;
import io.safetyhub.gateway.proxy.EchoUpstreams;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every refusal is problem+json, including those Vert.x, Netty or Quarkus would otherwise answer with a bare
 * status line before any route runs: bad escapes, an over-long URI, over-large headers or body, a wrong method,
 * a malformed bearer header. Sent over a plain socket, because ordinary clients refuse to send most of these.
 */
@QuarkusTest
@QuarkusTestResource(RealInfraResource.class)
@QuarkusTestResource(EchoUpstreams.class)
class HttpErrorsIT {

    @ParameterizedTest
    @ValueSource(strings = {"/api/alarms?district=%zz", "/api/public/enterprises?q=%", "/api/%zz/1", "/%zz",
            "/api/alarms/stream?access_token=%zz"})
    void shouldAnswer400ProblemWhenUriEncodingIsMalformed(String uri) throws IOException {
        RawHttp.Answer answer = get(uri, "");
        assertProblem(answer, 400, "BAD_REQUEST");
        assertTrue(answer.body().contains("malformed"), answer.body());
    }

    @Test
    void shouldAnswer414ProblemWhenUriIsLongerThanTheLimit() throws IOException {
        assertProblem(get("/api/public/enterprises/" + "a".repeat(5_000), ""), 414, "URI_TOO_LONG");
    }

    @Test
    void shouldAnswer431ProblemWhenHeadersAreLargerThanTheLimit() throws IOException {
        assertProblem(get("/api/public/enterprises", "\r\nX-Padding: " + "p".repeat(25_000)), 431, "HEADERS_TOO_LARGE");
    }

    @Test
    void shouldAnswer413ProblemWhenDeclaredBodyIsLargerThanTheLimit() throws IOException {
        RawHttp.Answer answer = RawHttp.send("127.0.0.1", RestAssured.port,
                "POST /api/public/enterprises HTTP/1.1\r\nContent-Type: application/json\r\nContent-Length: 99999999", "{");
        assertProblem(answer, 413, "BODY_TOO_LARGE");
    }

    @Test
    void shouldLetTheClientRead413WhenItKeepsSendingTheRefusedBody() throws IOException {
        // 12 MiB against gateway.proxy.max-body-size (10 MiB), all sent as a browser uploading a file would: closing
        // the connection while it still came made the kernel reset it, and the client lost the refusal.
        String body = "{\"pad\":\"" + "x".repeat(12 * 1024 * 1024) + "\"}";
        RawHttp.Answer answer = RawHttp.send("127.0.0.1", RestAssured.port, "POST /api/public/enterprises HTTP/1.1\r\n"
                + "Content-Type: application/json\r\nContent-Length: " + body.length(), body);
        assertProblem(answer, 413, "BODY_TOO_LARGE");
    }

    @ParameterizedTest
    @CsvSource({"POST, /console-config.json, GET", "GET, /console/token, POST", "PUT, /q/openapi, GET",
            "DELETE, /q/openapi, GET"})
    void shouldAnswer405ProblemWhenGatewayPathIsCalledWithAnotherMethod(String method, String path, String allowed)
            throws IOException {
        RawHttp.Answer answer = RawHttp.send("127.0.0.1", RestAssured.port,
                method + " " + path + " HTTP/1.1\r\nContent-Length: 0", null);
        assertProblem(answer, 405, "METHOD_NOT_ALLOWED");
        assertEquals(allowed, answer.header("Allow"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"/api/alarms | Bearer ..", "/api/alarms | Bearer a.b",
            "/api/alarms | Bearer a b.c.d", "/api/public/enterprises | Bearer ..", "/api/nowhere | Bearer",
            "/api/alarms/stream | Bearer x%y.z.w"})
    void shouldAnswer401InvalidTokenWhenAuthorizationHeaderIsMalformed(String path, String authorization)
            throws IOException {
        RawHttp.Answer answer = get(path, "\r\nAuthorization: " + authorization);
        assertProblem(answer, 401, "UNAUTHENTICATED");
        assertEquals("Bearer error=\"invalid_token\"", answer.header("WWW-Authenticate"));
    }

    @Test
    void shouldAnswer401InvalidTokenWhenHeaderIsLongerThanAnyToken() throws IOException {
        RawHttp.Answer answer = get("/api/alarms", "\r\nAuthorization: Bearer " + "x".repeat(17_000));
        assertProblem(answer, 401, "UNAUTHENTICATED");
        assertEquals("Bearer error=\"invalid_token\"", answer.header("WWW-Authenticate"));
    }

    private static RawHttp.Answer get(String uri, String extraHeaders) throws IOException {
        return RawHttp.send("127.0.0.1", RestAssured.port, "GET " + uri + " HTTP/1.1" + extraHeaders, null);
    }

    private static void assertProblem(RawHttp.Answer answer, int status, String code) {
        assertEquals(status, answer.status(), answer.body());
        assertEquals("application/problem+json", answer.header("Content-Type"), answer.body());
        assertTrue(answer.body().contains("\"status\":" + status), answer.body());
        assertTrue(answer.body().contains("\"code\":\"" + code + "\""), answer.body());
        assertNotNull(answer.header("X-Request-Id"));
        assertTrue(answer.body().contains("\"requestId\":\"" + answer.header("X-Request-Id") + "\""), answer.body());
    }
}
