package io.safetyhub.gateway.proxy;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.safetyhub.devstack.testing.RealInfraResource;
import io.safetyhub.devstack.testing.TestInfra;
import org.junit.jupiter.api.Test;

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

    @Test
    void shouldAnswerGetFromFreshConnectionWhenUpstreamClosesThePooledOneUnanswered() {
        String token = TestInfra.shared().token("reg.city");
        int closedBefore = get(token, "first").getInt("closedUnanswered");
        // Each later GET goes out on the connection the one before it left in the pool and is closed there.
        int closedAfterSecond = get(token, "second").getInt("closedUnanswered");
        int closedAfterThird = get(token, "third").getInt("closedUnanswered");
        assertTrue(closedAfterSecond > closedBefore, "the second GET met no closed connection");
        assertTrue(closedAfterThird > closedAfterSecond, "the third GET met no closed connection");
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

    private static JsonPath get(String token, String name) {
        return given().auth().oauth2(token).when().get(EchoUpstreams.STALE_PREFIX + "/" + name)
                .then().statusCode(200).extract().jsonPath();
    }
}
