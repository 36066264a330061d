package io.safetyhub.enforcement.credit;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.safetyhub.devstack.testing.RealInfraResource;
import io.safetyhub.devstack.testing.TestInfra;
import io.safetyhub.enforcement.roster.RosterRepository;
import io.safetyhub.enforcement.support.DemoRegistry;
import io.safetyhub.events.AlarmEvent;
import io.safetyhub.events.AlarmLevel;
import io.safetyhub.events.CommitmentMissing;
import io.safetyhub.events.Topics;
import io.safetyhub.events.serde.EventSerializer;
import jakarta.inject.Inject;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import static io.safetyhub.enforcement.support.Calls.as;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * The credit inputs other services publish, on the real Kafka: a slow alarm acknowledgement and a missed commitment
 * each take their points once (sent twice), a prompt acknowledgement takes none.
 */
@QuarkusTest
@QuarkusTestResource(value = RealInfraResource.class, restrictToAnnotatedClass = false)
class CreditInputsIT {
    @Inject
    RosterRepository roster;
    @Inject
    CreditLedger ledger;

    @Test
    void shouldLowerTheScoreOnceWhenASlowAcknowledgementAndAMissedCommitmentArrive() throws Exception {
        DemoRegistry.ensure(roster);
        String token = TestInfra.shared().token("reg.banan");
        int before = ledger.standing("trade-banan-01").map(CreditStanding::score).orElse(100);
        Instant now = Instant.now();
        String slow = "al-slow-" + UUID.randomUUID();
        String prompt = "al-prompt-" + UUID.randomUUID();
        CommitmentMissing missing = new CommitmentMissing(UUID.randomUUID(), now, "test", "trade-banan-01", "界石精密",
                "巴南区", "界石镇", LocalDate.now().minusDays(1), now.minus(Duration.ofHours(20)));
        for (int twice = 0; twice < 2; twice++) {
            send(Topics.ALARMS, slow, ack(slow, now.minus(Duration.ofHours(2)), now));
            send(Topics.ALARMS, prompt, ack(prompt, now.minus(Duration.ofMinutes(5)), now));
            send(Topics.ENTERPRISE_COMMITMENTS, "trade-banan-01", missing);
        }
        // A slow acknowledgement takes 2, a missed commitment 1 (enforcement.credit.weights).
        await().atMost(Duration.ofSeconds(90)).until(() -> ledger.standing("trade-banan-01").map(CreditStanding::score)
                .orElse(100) == before - 3);
        List<String> refs = io.restassured.RestAssured.given().auth().oauth2(token)
                .get("/api/enforcement/credit/trade-banan-01").then().statusCode(200).extract().jsonPath().getList("history.ref");
        assertEquals(1, refs.stream().filter(("alarm-ack:" + slow)::equals).count(), refs.toString());
        assertFalse(refs.contains("alarm-ack:" + prompt), refs.toString());
        as("reg.banan").get("/api/enforcement/credit/trade-banan-01").then().statusCode(200);
    }

    private static AlarmEvent ack(String alarmId, Instant raisedAt, Instant acknowledgedAt) {
        return new AlarmEvent(UUID.randomUUID(), acknowledgedAt, "test", alarmId, AlarmEvent.Change.ACKNOWLEDGED,
                AlarmEvent.Kind.THRESHOLD, AlarmLevel.ORANGE, AlarmEvent.Status.ACKNOWLEDGED, "trade-banan-01", "巴南区",
                "GA-9", "gas-alarm", "gas-lel", "gas_lel", 30.0, "%LEL", 25.0, raisedAt, "test", acknowledgedAt);
    }

    private static void send(String topic, String key, Object event) throws Exception {
        try (KafkaProducer<String, Object> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfra.shared().kafkaBootstrapServers(),
                ProducerConfig.ACKS_CONFIG, "all"), new StringSerializer(),
                (t, value) -> new EventSerializer().serialize(t, value))) {
            producer.send(new ProducerRecord<>(topic, key, event)).get(30, TimeUnit.SECONDS);
        }
    }
}
