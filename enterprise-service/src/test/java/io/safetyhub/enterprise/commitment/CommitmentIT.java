package io.safetyhub.enterprise.commitment;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.safetyhub.devstack.testing.RealInfraResource;
import io.safetyhub.devstack.testing.TestInfra;
import io.safetyhub.enterprise.access.Fixtures;
import io.safetyhub.events.CommitmentMissing;
import io.safetyhub.events.Topics;
import io.safetyhub.events.serde.CommitmentMissingDeserializer;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Daily commitments: one per day with corrections as versions, who is missing, and the missing event. */
@QuarkusTest
@QuarkusTestResource(RealInfraResource.class)
class CommitmentIT {
    @Inject
    MissingCommitmentCheck check;

    @Test
    void shouldRefuseSecondAndKeepCorrectionAsNewVersionWhenPostingTwice() {
        int first = given().auth().oauth2(token("ent.chem")).contentType("application/json").body(Fixtures.COMMITMENT)
                .when().post("/api/commitments").then().extract().statusCode();
        assertTrue(first == 201 || first == 409, "first post of the day answered " + first);
        given().auth().oauth2(token("ent.chem")).contentType("application/json").body(Fixtures.COMMITMENT)
                .when().post("/api/commitments")
                .then().statusCode(409).contentType("application/problem+json").body("code", equalTo("COMMITMENT_EXISTS"));
        int version = given().auth().oauth2(token("ent.chem")).contentType("application/json")
                .body(Fixtures.COMMITMENT.replace("\"hotWork\": 1", "\"hotWork\": 2").replace("{\"allHaz", "{\"correction\": true, \"allHaz"))
                .when().post("/api/commitments")
                .then().statusCode(201).body("specialOperations.hotWork", equalTo(2)).body("postedBy", equalTo("ent.chem"))
                .extract().path("version");
        assertTrue(version >= 2);
        given().auth().oauth2(token("ent.chem")).queryParam("size", 100).when().get("/api/commitments")
                .then().statusCode(200).body("items[0].version", equalTo(version)).body("items.version", hasItem(1))
                .body("total", greaterThanOrEqualTo(2));
        given().auth().oauth2(token("reg.banan")).queryParam("size", 100).when().get("/api/commitments/missing")
                .then().statusCode(200).body("items.enterpriseId", not(hasItem("chem-banan-01")));
        given().auth().oauth2(token("reg.city")).queryParam("size", 100).when().get("/api/commitments/missing")
                .then().statusCode(200).body("items.enterpriseId", hasItem("chem-jiangbei-01"))
                .body("items.enterpriseId", not(hasItem("build-yubei-01")));
    }

    @Test
    void shouldAnswer400NamingTheFieldWhenCommitmentIsIncomplete() {
        given().auth().oauth2(token("ent.chem")).contentType("application/json")
                .body(Fixtures.COMMITMENT.replace("\"signedBy\": \"陈建国\"", "\"signedBy\": \"\""))
                .when().post("/api/commitments")
                .then().statusCode(400).body("errors[0].field", equalTo("signedBy"));
        given().auth().oauth2(token("ent.chem")).contentType("application/json")
                .body(Fixtures.COMMITMENT.replace("\"lifting\": 0", "\"lifting\": -1"))
                .when().post("/api/commitments")
                .then().statusCode(400).body("errors[0].field", equalTo("specialOperations.lifting"));
        given().auth().oauth2(token("reg.city")).queryParam("date", "yesterday").when().get("/api/commitments/missing")
                .then().statusCode(400).body("errors[0].field", equalTo("date"));
    }

    @Test
    void shouldPublishMissingCommitmentOnceWhenDeadlineHasPassed() {
        LocalDate day = LocalDate.parse("2026-01-05");
        // 08:59 in Shanghai is 00:59 UTC: before the deadline nothing is missing yet.
        assertEquals(List.of(), check.check(Instant.parse("2026-01-05T00:59:00Z")));
        List<String> announced = check.check(Instant.parse("2026-01-05T01:00:00Z"));
        assertTrue(announced.containsAll(List.of("chem-banan-01", "chem-jiangbei-01", "transport-yubei-01")), announced.toString());
        assertEquals(List.of(), check.check(Instant.parse("2026-01-05T03:00:00Z")));

        List<CommitmentMissing> events = consume(day, announced.size());
        assertEquals(announced.size(), events.size());
        CommitmentMissing chem = events.stream().filter(e -> e.enterpriseId().equals("chem-banan-01")).findFirst().orElseThrow();
        assertEquals("巴南区", chem.district());
        assertEquals(Instant.parse("2026-01-05T01:00:00Z"), chem.deadline());
    }

    /** The day's events: waits for {@code expected} of them, then two seconds more for a duplicate that must not come. */
    private static List<CommitmentMissing> consume(LocalDate day, int expected) {
        Map<String, Object> config = Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfra.shared().kafkaBootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "commitment-test-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        List<CommitmentMissing> found = new ArrayList<>();
        try (KafkaConsumer<String, CommitmentMissing> consumer = new KafkaConsumer<>(config, new StringDeserializer(),
                new CommitmentMissingDeserializer())) {
            consumer.subscribe(List.of(Topics.ENTERPRISE_COMMITMENTS));
            Callable<Integer> read = () -> {
                for (ConsumerRecord<String, CommitmentMissing> r : consumer.poll(Duration.ofMillis(200))) {
                    if (r.value().date().equals(day)) {
                        assertEquals(r.value().enterpriseId(), r.key());
                        found.add(r.value());
                    }
                }
                return found.size();
            };
            await().atMost(Duration.ofSeconds(20)).pollInSameThread().pollInterval(Duration.ZERO)
                    .until(read, greaterThanOrEqualTo(expected));
            await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5)).pollInSameThread()
                    .pollInterval(Duration.ZERO).until(read, equalTo(expected));
        }
        return found;
    }

    private static String token(String user) {
        return TestInfra.shared().token(user);
    }
}
