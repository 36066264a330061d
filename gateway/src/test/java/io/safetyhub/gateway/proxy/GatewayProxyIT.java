package io.safetyhub.gateway.proxy;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.response.Response;
import io.safetyhub.devstack.testing.RealInfraResource;
import io.safetyhub.devstack.testing.TestInfra;
import io.safetyhub.gateway.http.RawHttp;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The gateway in front of real upstreams (see {@link EchoUpstreams}) with real Keycloak tokens. */
@QuarkusTest
@QuarkusTestResource(RealInfraResource.class)
@QuarkusTestResource(EchoUpstreams.class)
class GatewayProxyIT {
    @Test
    void shouldRelayAReportersSecretWhenAnonymousCallersFollowAReport() {
        // The secret travels as a header (never in a URL or an access log) and must reach enforcement-service.
        given().header("X-Report-Secret", "s3cr3t").when().get("/api/public/reports/JB261202-ABCDEF")
                .then().statusCode(200).body("path", equalTo("/api/public/reports/JB261202-ABCDEF"))
                .body("reportSecret", equalTo("s3cr3t")).body("authorization", nullValue());
    }

    private static final String PROBLEM_JSON = "application/problem+json";
    @TestHTTPResource(value = "/metrics", management = true)
    URL metrics;
    private static final String UUID_PATTERN = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";

    @Test
    void shouldAnswer401ProblemWhenAnonymousCallsAlarms() {
        given().when().get("/api/alarms")
                .then().statusCode(401)
                .contentType(PROBLEM_JSON)
                .header("WWW-Authenticate", "Bearer")
                .header("X-Request-Id", matchesPattern(UUID_PATTERN))
                .body("status", equalTo(401))
                .body("code", equalTo("UNAUTHENTICATED"))
                .body("instance", equalTo("/api/alarms"));
    }

    @Test
    void shouldRelayMethodPathQueryBodyTokenAndRequestIdWhenEnterpriseUserCallsAlarms() {
        String token = TestInfra.shared().token("ent.chem");
        String requestId = "req-" + UUID.randomUUID();
        Response response = given()
                .auth().oauth2(token)
                .header("X-Request-Id", requestId)
                .header("Cookie", "session=secret")
                .header("X-Forwarded-For", "6.6.6.6")
                .contentType("application/json")
                .body("{\"note\":\"阀门已关闭\"}")
                .urlEncodingEnabled(false)
                .when().post("/api/alarms/42/acknowledge?by=ent.chem&note=valve%20closed");
        response.then().statusCode(200)
                .contentType("application/json")
                .header("X-Request-Id", requestId)
                .header("X-Upstream", "echo")
                .body("method", equalTo("POST"))
                .body("path", equalTo("/api/alarms/42/acknowledge"))
                .body("query", equalTo("by=ent.chem&note=valve%20closed"))
                .body("body", equalTo("{\"note\":\"阀门已关闭\"}"))
                .body("contentType", containsString("application/json"))
                .body("authorization", equalTo("Bearer " + token))
                .body("requestId", equalTo(requestId))
                .body("cookie", nullValue())
                // A direct caller's own X-Forwarded-For is not passed on as if a proxy had vouched for it.
                .body("forwardedFor", equalTo("127.0.0.1"));
        assertSecurityHeaders(response);
    }

    @Test
    void shouldGenerateRequestIdWhenCallerSendsNoneOrAnUnsafeOne() {
        String token = TestInfra.shared().token("reg.city");
        Response plain = given().auth().oauth2(token).when().get("/api/enterprises");
        plain.then().statusCode(200).header("X-Request-Id", matchesPattern(UUID_PATTERN));
        assertEquals(plain.header("X-Request-Id"), plain.jsonPath().getString("requestId"));

        Response unsafe = given().auth().oauth2(token).header("X-Request-Id", "two words").when().get("/api/enterprises");
        unsafe.then().statusCode(200).header("X-Request-Id", matchesPattern(UUID_PATTERN));
        assertEquals(unsafe.header("X-Request-Id"), unsafe.jsonPath().getString("requestId"));
    }

    @Test
    void shouldPassUpstreamProblemThroughUnchangedWhenServiceRefuses() {
        Response response = given().auth().oauth2(TestInfra.shared().token("ops")).when().post("/api/alarms/7/close");
        response.then().statusCode(409).contentType(PROBLEM_JSON);
        assertEquals(EchoUpstreams.PROBLEM_BODY, response.asString());
    }

    @Test
    void shouldAnswer503NamingTheServiceWhenUpstreamIsDown() {
        given().auth().oauth2(TestInfra.shared().token("ops")).when().get("/api/devices/offline")
                .then().statusCode(503)
                .contentType(PROBLEM_JSON)
                .body("code", equalTo("UPSTREAM_UNAVAILABLE"))
                .body("detail", containsString("device-adapter"));
    }

    @Test
    void shouldAnswer504WhenUpstreamIsTooSlow() {
        // The slow path answers 200 after 3 s: a 504 means the gateway's 1 s timeout cut it off first.
        given().auth().oauth2(TestInfra.shared().token("reg.city")).when().get("/api/stats/slow")
                .then().statusCode(504)
                .contentType(PROBLEM_JSON)
                .body("code", equalTo("UPSTREAM_TIMEOUT"))
                .body("detail", containsString("slow-service"));
    }

    @Test
    void shouldAnswer401WhenTokenSignatureIsForged() {
        String token = TestInfra.shared().token("ent.chem");
        int signature = token.lastIndexOf('.') + 10;
        char flipped = token.charAt(signature) == 'A' ? 'B' : 'A';
        String forged = token.substring(0, signature) + flipped + token.substring(signature + 1);
        given().auth().oauth2(forged).when().get("/api/alarms")
                .then().statusCode(401)
                .contentType(PROBLEM_JSON)
                .header("WWW-Authenticate", containsString("invalid_token"))
                .body("code", equalTo("UNAUTHENTICATED"));
    }

    @Test
    void shouldAnswer403WhenRoleIsNotInThePolicy() {
        // Device registration is for operators only; an enterprise user is authenticated but not allowed.
        given().auth().oauth2(TestInfra.shared().token("ent.chem")).contentType("application/json").body("{}")
                .when().post("/api/devices")
                .then().statusCode(403).contentType(PROBLEM_JSON).body("code", equalTo("FORBIDDEN"));
    }

    @Test
    void shouldAnswer404ProblemWhenNoRouteServesThePath() {
        given().auth().oauth2(TestInfra.shared().token("ops")).when().get("/api/nothing-here")
                .then().statusCode(404).contentType(PROBLEM_JSON).body("code", equalTo("NOT_FOUND"));
        given().when().get("/no-such-page")
                .then().statusCode(404).contentType(PROBLEM_JSON);
    }

    @Test
    void shouldServeConsolePageWithPageCspWhenRootIsAsked() {
        // Static files from dependency jars are served before the fallback 404 and get the page policy.
        given().when().get("/")
                .then().statusCode(200)
                .contentType(containsString("text/html"))
                .header("Content-Security-Policy", containsString("script-src 'self'"))
                .header("X-Frame-Options", "DENY");
    }

    @Test
    void shouldForwardWithoutTokenWhenPathIsPublic() {
        Response response = given().when().get("/api/public/enterprises");
        response.then().statusCode(200)
                .body("path", equalTo("/api/public/enterprises"))
                .body("authorization", nullValue());
        assertSecurityHeaders(response);
    }

    @Test
    void shouldJudgeNormalisedPathWhenDotSegmentsTryToLeavePublic() throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://localhost:" + RestAssured.port + "/api/public/../alarms")).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(401, response.statusCode(), response.body());
    }

    @Test
    void shouldAnswer413BeforeForwardingWhenBodyExceedsTheLimit() {
        given().auth().oauth2(TestInfra.shared().token("ops")).contentType("application/json")
                .body("{\"note\":\"" + "x".repeat(8 * 1024) + "\"}")
                .when().post("/api/alarms/1/acknowledge")
                .then().statusCode(413).contentType(PROBLEM_JSON).body("code", equalTo("BODY_TOO_LARGE"));
    }

    @Test
    void shouldRewriteLocationToThePublicOriginWhenServiceAnswersWithItsInternalAddress() {
        String token = TestInfra.shared().token("ops");
        String origin = "http://localhost:" + RestAssured.port;
        given().auth().oauth2(token).contentType("application/json").body("{}")
                .when().post("/api/enterprises" + EchoUpstreams.CREATED_SUFFIX)
                .then().statusCode(201).header("Location", origin + "/api/enterprises/e-1");
        // training-service sits below a base path (/training) at its upstream: the base path is taken off too.
        given().auth().oauth2(token).contentType("application/json").body("{}")
                .when().post("/api/activities" + EchoUpstreams.CREATED_SUFFIX)
                .then().statusCode(201).header("Location", origin + "/api/activities/e-1");
    }

    @Test
    void shouldRewriteLocationToTheForwardedOriginWhenRequestComesThroughTheTrustedIngress() throws Exception {
        RawHttp.Answer answer = RawHttp.send("127.0.0.2", RestAssured.port, "POST /api/enterprises"
                + EchoUpstreams.CREATED_SUFFIX + " HTTP/1.1\r\nAuthorization: Bearer " + TestInfra.shared().token("ops")
                + "\r\nX-Forwarded-Proto: https\r\nX-Forwarded-Host: safetyhub.example.cn\r\nX-Forwarded-For: 203.0.113.9"
                + "\r\nContent-Type: application/json\r\nContent-Length: 2", "{}");
        assertEquals(201, answer.status(), answer.body());
        assertEquals("https://safetyhub.example.cn/api/enterprises/e-1", answer.header("Location"));
    }

    @Test
    void shouldCountRelayedRequestsByUpstreamAndOutcomeWhenServingTraffic() {
        String before = given().when().get(this.metrics).then().statusCode(200).extract().asString();
        // Registered at startup, so present (at zero) before any request of theirs.
        assertTrue(before.contains(UPSTREAM_COUNT + "{outcome=\"timeout\",upstream=\"training-service\"}"),
                "the timers are not registered up front");
        given().auth().oauth2(TestInfra.shared().token("reg.city")).when().get("/api/rules").then().statusCode(200);
        given().auth().oauth2(TestInfra.shared().token("ops")).when().get("/api/devices/offline").then().statusCode(503);
        String after = given().when().get(this.metrics).then().statusCode(200).extract().asString();
        String ok = "{outcome=\"2xx\",upstream=\"echo-service\"}";
        String unavailable = "{outcome=\"unavailable\",upstream=\"device-adapter\"}";
        assertTrue(count(after, ok) >= count(before, ok) + 1, "no 2xx counted for echo-service");
        assertTrue(count(after, unavailable) >= count(before, unavailable) + 1, "no unavailable counted for device-adapter");
    }

    private static final String UPSTREAM_COUNT = "safetyhub_gateway_upstream_requests_seconds_count";

    /** The value of one series of the upstream timer's count in a scrape; 0 when absent. */
    private static double count(String scrape, String labels) {
        return scrape.lines().filter(l -> l.startsWith(UPSTREAM_COUNT + labels + " "))
                .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1)))
                .findFirst().orElse(0);
    }

    private static void assertSecurityHeaders(Response response) {
        response.then()
                .header("X-Content-Type-Options", "nosniff")
                .header("X-Frame-Options", "DENY")
                .header("Referrer-Policy", "no-referrer")
                .header("Content-Security-Policy", containsString("default-src 'none'"))
                .header("Access-Control-Allow-Origin", nullValue());
    }
}
