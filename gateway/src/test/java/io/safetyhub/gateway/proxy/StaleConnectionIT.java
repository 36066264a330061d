package io.safetyhub.gateway.proxy;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.safetyhub.devstack.testing.RealInfraResource;
import io.safetyhub.devstack.testing.TestInfra;
import org.junit.jupiter.api.Test;

import java.net.URL;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The keep-alive race, played on purpose by {@link StaleConnectionUpstream}: every request the gateway sends on a
 * reused connection is closed unanswered. A GET is sent again on a fresh connection; a POST, which the service may
 * have acted on, is answered 502 and never sent twice.
 */
@QuarkusTest
@QuarkusTestResource(RealInfraResource.class)
@QuarkusTestResource(EchoUpstreams.class)
class StaleConnectionIT {
    private static final String RESENT = "safetyhub_gateway_upstream_resent_total{";
    private static final String STALE_SERVICE = "upstream=\"stale-service\"";

    @TestHTTPResource(value = "/metrics", management = true)
    URL metrics;

    @Test
    void shouldAnswerGetFromFreshConnectionWhenUpstreamClosesThePooledOneUnanswered() {
        String token = TestInfra.shared().token("reg.city");
        double resentBefore = resent();
        int closedBefore = get(token, "first").getInt("closedUnanswered");
        // Each later GET goes out on the connection the one before it left in the pool and is closed there.
        int closedAfterSecond = get(token, "second").getInt("closedUnanswered");
        int closedAfterThird = get(token, "third").getInt("closedUnanswered");
        assertTrue(closedAfterSecond > closedBefore, "the second GET met no closed connection");
        assertTrue(closedAfterThird > closedAfterSecond, "the third GET met no closed connection");
        assertEquals(resentBefore + 2, resent(), "the operator sees both resends");
    }

    @Test
    void shouldAnswer502AndSendPostOnceWhenUpstreamClosesThePooledConnectionUnanswered() {
        String token = TestInfra.shared().token("reg.city");
        int postsBefore = get(token, "before-post").getInt("postsSeen");
        given().auth().oauth2(token).contentType("application/json").body("{\"level\":\"RED\"}")
                .when().post(EchoUpstreams.STALE_PREFIX + "/broadcast")
                .then().statusCode(502)
                .contentType("application/problem+json")
                .body("code", equalTo("UPSTREAM_FAILED"));
        assertEquals(postsBefore + 1, get(token, "after-post").getInt("postsSeen"),
                "the service read the POST once and only once");
    }

    /** The gateway's count of requests sent again to the stale upstream, from its Prometheus scrape. */
    private double resent() {
        String scraped = given().header("Accept", "text/plain; version=0.0.4").when().get(metrics)
                .then().statusCode(200).extract().asString();
        return scraped.lines().filter(l -> l.startsWith(RESENT) && l.contains(STALE_SERVICE)).findFirst()
                .map(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1)))
                .orElseThrow(() -> new AssertionError("no " + RESENT + STALE_SERVICE + "} series"));
    }

    private static JsonPath get(String token, String name) {
        return given().auth().oauth2(token).when().get(EchoUpstreams.STALE_PREFIX + "/" + name)
                .then().statusCode(200).extract().jsonPath();
    }
}
