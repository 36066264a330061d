package io.safetyhub.gateway.http;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.safetyhub.devstack.testing.RealInfraResource;
import io.safetyhub.devstack.testing.TestInfra;
import io.safetyhub.gateway.proxy.EchoUpstreams;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

/** Rate limits and CORS at the door, with real tokens and the test upstreams. */
@QuarkusTest
@QuarkusTestResource(RealInfraResource.class)
@QuarkusTestResource(EchoUpstreams.class)
class EdgePolicyTest {
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
        org.junit.jupiter.api.Assertions.assertTrue(seconds > 500 && seconds <= 1000, "Retry-After " + retryAfter);
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
        org.junit.jupiter.api.Assertions.assertEquals(1, refused, "three allowed, the fourth refused");
        given().auth().oauth2(TestInfra.shared().token("ops")).when().get(path).then().statusCode(200);
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
