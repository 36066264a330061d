package io.safetyhub.training;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.safetyhub.devstack.testing.RealInfraResource;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

/** The skeleton starts against the real infrastructure, is ready, and guards its API. */
@QuarkusTest
@QuarkusTestResource(RealInfraResource.class)
class TrainingServiceIT {

    @Test
    void shouldReportReadyWithMongoCheckWhenInfrastructureIsUp() {
        given().when().get("/q/health/ready")
                .then().statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", hasItem("MongoDB connection health check"));
    }

    @Test
    void shouldAnswer401ProblemWhenAnonymousCallsTheApi() {
        given().when().get("/api/personnel")
                .then().statusCode(401)
                .contentType("application/problem+json")
                .body("code", equalTo("UNAUTHENTICATED"));
    }

    @Test
    void shouldServeMetricsAndOpenApiWhenRunning() {
        given().when().get("/q/metrics").then().statusCode(200);
        given().when().get("/q/openapi").then().statusCode(200);
    }
}
