package io.safetyhub.gateway.http;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.safetyhub.devstack.testing.RealInfraResource;
import io.safetyhub.devstack.testing.TestInfra;
import io.safetyhub.gateway.proxy.EchoUpstreams;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Rate limits and CORS at the door, with real tokens and the test upstreams. Callers from other loopback
 * addresses play an ingress (127.0.0.2, the test profile's only trusted proxy) and untrusted direct callers
 * (127.0.0.3, 127.0.0.4), so each test has buckets of its own.
 */
@QuarkusTest
@QuarkusTestResource(RealInfraResource.class)
@QuarkusTestResource(EchoUpstreams.class)
class EdgePolicyIT {
    private static final String PROBLEM_JSON = "application/problem+json";

    @Test
    void shouldAnswer429WithRetryAfterWhenOneClientExceedsItsBucketButNotForAnotherClient() {
        String chem = TestInfra.shared().token("ent.chem");
        String path = EchoUpstreams.PROBE_PREFIX + "/chem";
        for (int i = 0; i < 3; i++) {
            given().auth().oauth2(chem).when().get(path).then().statusCode(200);
        }
        String retryAfter = given().auth().oauth2(chem).when().get(path)
                .then().statusCode(429)
                .contentType(PROBLEM_JSON)
                .body("code", equalTo("RATE_LIMITED"))
                .body("status", equalTo(429))
                .body("detail", containsString("probe"))
                .extract().header("Retry-After");
        // One token comes back in 1,000 s at 0.001/s, less the little refilled since the burst began.
        int seconds = Integer.parseInt(retryAfter);
        assertTrue(seconds > 500 && seconds <= 1000, "Retry-After " + retryAfter);
        // Buckets are per client (the token's sub): another user of the same address is not affected.
        given().auth().oauth2(TestInfra.shared().token("ent.build")).when().get(path).then().statusCode(200);
    }

    @Test
    void shouldLimitAnonymousCallersByAddressWhenNoTokenIsSent() {
        // The other tests of this class use tokens, so the address bucket of this class is untouched.
        String path = EchoUpstreams.PROBE_PREFIX + "/anonymous";
        int refused = 0;
        for (int i = 0; i < 4; i++) {
            int status = given().when().get(path).then().extract().statusCode();
            refused += status == 429 ? 1 : 0;
        }
        assertEquals(1, refused, "three allowed, the fourth refused");
        given().auth().oauth2(TestInfra.shared().token("ops")).when().get(path).then().statusCode(200);
    }

    @Test
    void shouldKeyAnonymousCallersByForwardedAddressWhenTheyComeThroughTheTrustedIngress() throws Exception {
        String path = EchoUpstreams.PROBE_PREFIX + "/behind-ingress";
        for (int i = 0; i < 3; i++) {
            assertEquals(200, viaIngress(path, "203.0.113.7").status());
        }
        RawHttp.Answer refused = viaIngress(path, "203.0.113.7");
        assertEquals(429, refused.status(), refused.body());
        assertEquals("application/problem+json", refused.header("Content-Type"));
        // Another user behind the same ingress has a bucket of their own, not the ingress's socket's.
        assertEquals(200, viaIngress(path, "203.0.113.8").status());
        // A client's own Forwarded header, which an ingress passes through unchanged, does not buy a new bucket.
        assertEquals(429, RawHttp.send("127.0.0.2", RestAssured.port, "GET " + path + " HTTP/1.1\r\n"
                + "X-Forwarded-For: 203.0.113.7\r\nForwarded: for=198.51.100.20", null).status());
    }

    @Test
    void shouldIgnoreForwardedHeaderWhenCallerIsNoTrustedProxy() throws Exception {
        String path = EchoUpstreams.PROBE_PREFIX + "/direct";
        for (int i = 0; i < 3; i++) {
            assertEquals(200, RawHttp.send("127.0.0.3", RestAssured.port, "GET " + path + " HTTP/1.1\r\n"
                    + "X-Forwarded-For: 198.51.100." + i, null).status());
        }
        // A fresh forwarded address does not buy a fresh bucket: the socket decides.
        assertEquals(429, RawHttp.send("127.0.0.3", RestAssured.port, "GET " + path + " HTTP/1.1\r\n"
                + "X-Forwarded-For: 198.51.100.99", null).status());
    }

    @Test
    void shouldLimitTokenRelayWhenOneAddressRepeatsIt() throws Exception {
        // The test class allows two relays per address; the form is refused before Keycloak is asked.
        String form = "grant_type=password&client_id=admin-cli&username=admin&password=guess";
        for (int i = 0; i < 2; i++) {
            assertEquals(400, tokenRelay(form).status());
        }
        RawHttp.Answer limited = tokenRelay(form);
        assertEquals(429, limited.status(), limited.body());
        assertEquals("application/problem+json", limited.header("Content-Type"));
        assertTrue(Integer.parseInt(limited.header("Retry-After")) > 0);
    }

    private static RawHttp.Answer viaIngress(String path, String client) throws Exception {
        return RawHttp.send("127.0.0.2", RestAssured.port, "GET " + path + " HTTP/1.1\r\nX-Forwarded-For: " + client, null);
    }

    private static RawHttp.Answer tokenRelay(String form) throws Exception {
        return RawHttp.send("127.0.0.4", RestAssured.port, "POST /console/token HTTP/1.1\r\n"
                + "Content-Type: application/x-www-form-urlencoded\r\nContent-Length: " + form.length(), form);
    }

    @Test
    void shouldAnswerPreflightAtTheGatewayWhenOriginIsConfigured() {
        given().header("Origin", EchoUpstreams.ALLOWED_ORIGIN)
                .header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "authorization, content-type")
                .when().options("/api/alarms/42/acknowledge")
                .then().statusCode(204)
                .header("Access-Control-Allow-Origin", EchoUpstreams.ALLOWED_ORIGIN)
                .header("Access-Control-Allow-Methods", containsString("POST"))
                .header("Access-Control-Allow-Headers", containsString("Authorization"))
                .header("Access-Control-Allow-Credentials", nullValue())
                .header("Vary", containsString("Origin"));
    }

    @Test
    void shouldRefusePreflightAndSendNoCorsHeadersWhenOriginIsNotConfigured() {
        given().header("Origin", "https://evil.example")
                .header("Access-Control-Request-Method", "GET")
                .when().options("/api/alarms")
                .then().statusCode(403)
                .contentType(PROBLEM_JSON)
                .header("Access-Control-Allow-Origin", nullValue());
        given().header("Origin", "https://evil.example").auth().oauth2(TestInfra.shared().token("reg.city"))
                .when().get("/api/alarms")
                .then().statusCode(200)
                .header("Access-Control-Allow-Origin", nullValue());
    }

    @Test
    void shouldAddCorsHeadersAndHideUpstreamOnesWhenAllowedOriginCalls() {
        // The echo upstream answers "Access-Control-Allow-Origin: *": the gateway's answer must win.
        given().header("Origin", EchoUpstreams.ALLOWED_ORIGIN).auth().oauth2(TestInfra.shared().token("reg.city"))
                .when().get("/api/alarms")
                .then().statusCode(200)
                .header("Access-Control-Allow-Origin", EchoUpstreams.ALLOWED_ORIGIN)
                .header("Access-Control-Expose-Headers", containsString("X-Request-Id"));
    }
}
