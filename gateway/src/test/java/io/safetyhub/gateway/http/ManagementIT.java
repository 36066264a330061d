package io.safetyhub.gateway.http;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.safetyhub.devstack.testing.RealInfraResource;
import io.safetyhub.devstack.testing.TestInfra;
import io.safetyhub.gateway.proxy.EchoUpstreams;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.net.URL;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Health and metrics live on the management interface, which only the cluster reaches; the public port keeps
 * the merged OpenAPI document and its Swagger UI. The metrics name routes, not the ids in paths.
 */
@QuarkusTest
@QuarkusTestResource(RealInfraResource.class)
@QuarkusTestResource(EchoUpstreams.class)
class ManagementIT {
    @TestHTTPResource(value = "/metrics", management = true)
    URL metrics;
    @TestHTTPResource(value = "/health/ready", management = true)
    URL ready;

    @ParameterizedTest
    @ValueSource(strings = {"/q/metrics", "/q/health", "/q/health/ready", "/q/health/live"})
    void shouldAnswer404ProblemWhenOperationsPathIsAskedOnThePublicPort(String path) {
        given().when().get(path)
                .then().statusCode(404)
                .contentType("application/problem+json")
                .body("code", equalTo("NOT_FOUND"));
    }

    @Test
    void shouldServeHealthAndMetricsWhenAskedOnTheManagementPort() {
        given().when().get(ready).then().statusCode(200).body("status", equalTo("UP"));
        String scraped = given().header("Accept", "text/plain; version=0.0.4").when().get(metrics)
                .then().statusCode(200).extract().asString();
        assertTrue(scraped.contains("jvm_memory_used_bytes"), "no JVM metrics");
        // The platform's filters: HELP without the \" escape promtool rejects, no long task timer summaries.
        assertTrue(scraped.lines().filter(l -> l.startsWith("# HELP")).noneMatch(l -> l.contains("\\\"")),
                "a HELP line with a \\\" escape");
        assertFalse(scraped.contains("_active_count"), "a long task timer is exported");
    }

    @Test
    void shouldKeepMergedOpenApiAndSwaggerUiOnThePublicPortWhenManagementIsSeparate() {
        given().when().get("/q/openapi?format=json").then().statusCode(200).body("openapi", containsString("3."));
        given().when().get("/q/swagger-ui/").then().statusCode(200).contentType(containsString("text/html"));
    }

    @Test
    void shouldTagRequestMetricsWithRouteWhenPathsCarryIds() {
        String secret = "id-" + UUID.randomUUID();
        String token = TestInfra.shared().token("ops");
        given().auth().oauth2(token).when().get("/api/alarms/" + secret).then().statusCode(200);
        given().auth().oauth2(token).when().get("/api/enterprises/" + secret + "/disclosure").then().statusCode(200);
        given().when().get("/api/no-route-" + secret).then().statusCode(401);
        given().when().get("/console-page-" + secret).then().statusCode(404);
        String scraped = given().when().get(metrics).then().statusCode(200).extract().asString();
        assertFalse(scraped.contains(secret), "an id from a path reached the metrics");
        assertTrue(scraped.lines().anyMatch(l -> l.startsWith("http_server_requests_seconds_count")
                && l.contains("uri=\"/api/alarms/*\"")), "no series for the alarms route");
        assertTrue(scraped.lines().anyMatch(l -> l.startsWith("http_server_requests_seconds_count")
                && l.contains("uri=\"/api/*\"") && l.contains("status=\"401\"")), "no series for unrouted API paths");
    }

    @Test
    void shouldExportOnlyTheBoundedKafkaClientMetersWhenTheAlarmStreamConsumerRuns() {
        // The alarm feed's consumer registers its meters once it has polled; the kept ones then appear.
        await().atMost(Duration.ofSeconds(90)).until(() -> given().when().get(metrics).then().extract().asString()
                .contains("kafka_consumer_fetch_manager_records_consumed_total"));
        String scraped = given().when().get(metrics).then().statusCode(200).extract().asString();
        List<String> kafkaSeries = scraped.lines().filter(l -> l.startsWith("kafka_"))
                .map(l -> l.replaceAll("[{ ].*", "")).distinct().toList();
        List<String> kept = List.of("kafka_consumer_fetch_manager_records_lag",
                "kafka_consumer_fetch_manager_records_lag_max", "kafka_consumer_fetch_manager_records_consumed_total",
                "kafka_consumer_coordinator_rebalance_total", "kafka_consumer_coordinator_failed_rebalance_total");
        assertTrue(kept.containsAll(kafkaSeries), "unbounded Kafka client meters exported: " + kafkaSeries);
    }
}
