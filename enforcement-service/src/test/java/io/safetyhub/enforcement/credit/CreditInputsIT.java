package io.safetyhub.enforcement.credit;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.safetyhub.devstack.testing.RealInfraResource;
import io.safetyhub.devstack.testing.TestInfra;
import io.safetyhub.enforcement.roster.RosterRepository;
import io.safetyhub.enforcement.support.DemoRegistry;
import io.safetyhub.events.AlarmEvent;
import io.safetyhub.events.AlarmLevel;
import io.safetyhub.events.CertificateRateChanged;
import io.safetyhub.events.CommitmentMissing;
import io.safetyhub.events.DrillHeld;
import io.safetyhub.events.HazardOverdue;
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
 * each take their points once (sent twice), a prompt acknowledgement takes none; a certificate rate below the threshold
 * takes its points once, an older rate is ignored and a later one replaces it; a drill held and then evaluated counts once;
 * an overdue major hazard of the register takes its points once, one opened from a finding or a general one none.
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
        // The change is kept just after the standing is written: wait for it before counting.
        await().atMost(Duration.ofSeconds(10)).until(() -> ledger.history("trade-banan-01").stream()
                .anyMatch(c -> ("alarm-ack:" + slow).equals(c.ref())));
        List<String> refs = io.restassured.RestAssured.given().auth().oauth2(token)
                .get("/api/enforcement/credit/trade-banan-01").then().statusCode(200).extract().jsonPath().getList("history.ref");
        assertEquals(1, refs.stream().filter(("alarm-ack:" + slow)::equals).count(), refs.toString());
        assertFalse(refs.contains("alarm-ack:" + prompt), refs.toString());
        as("reg.banan").get("/api/enforcement/credit/trade-banan-01").then().statusCode(200);
    }

    @Test
    void shouldReplaceTheCertificateRateEffectWhenALaterRateArrivesAndIgnoreAnOlderOne() throws Exception {
        String id = "cert-it-" + UUID.randomUUID();
        Instant t1 = Instant.now().minus(Duration.ofHours(1));
        CertificateRateChanged low = rate(id, 3, 5, 60.0, t1);
        send(Topics.TRAINING_CERTIFICATE_RATES, id, low);
        send(Topics.TRAINING_CERTIFICATE_RATES, id, low);
        send(Topics.TRAINING_CERTIFICATE_RATES, id, rate(id, 5, 5, 100.0, t1.minus(Duration.ofDays(1))));
        // 60 % is below 90 % (enforcement.credit.weights.certificate-rate-at-least): 5 points off.
        await().atMost(Duration.ofSeconds(90)).until(() -> ledger.standing(id).map(CreditStanding::score).orElse(100) == 95);
        send(Topics.TRAINING_CERTIFICATE_RATES, id, rate(id, 5, 5, 100.0, t1.plus(Duration.ofMinutes(30))));
        await().atMost(Duration.ofSeconds(90)).until(() -> ledger.standing(id).map(CreditStanding::score).orElse(0) == 100);
        // The change is kept just after the standing is written: wait for it before counting.
        await().atMost(Duration.ofSeconds(10)).until(() -> ledger.history(id).stream().anyMatch(c -> c.scoreAfter() == 100));
        // Down once and up once: neither the replayed 60 % nor the older 100 % changed anything.
        List<CreditChange> changes = ledger.history(id);
        assertEquals(List.of(95, 100), changes.stream().map(CreditChange::scoreAfter).sorted().toList(), changes.toString());
    }

    @Test
    void shouldCountADrillOnceWhenItIsHeldThenEvaluatedAndReplayed() throws Exception {
        String id = "drill-it-" + UUID.randomUUID();
        ledger.enter("case:" + id, id, CreditCause.PENALTY, 5_000, Instant.now(), "a penalty of ¥5,000 to start from");
        String drillId = "drill-" + UUID.randomUUID();
        LocalDate heldOn = LocalDate.now().minusDays(3);
        send(Topics.EMERGENCY_DRILLS, id, drill(id, drillId, DrillHeld.Status.HELD, heldOn, null));
        send(Topics.EMERGENCY_DRILLS, id, drill(id, drillId, DrillHeld.Status.HELD, heldOn, null));
        send(Topics.EMERGENCY_DRILLS, id, drill(id, drillId, DrillHeld.Status.EVALUATED, heldOn, LocalDate.now()));
        // 100 − 10 (the penalty) + 1 (the drill, 应急管理部令第2号 第三十三条), once.
        await().atMost(Duration.ofSeconds(90)).until(() -> ledger.standing(id).map(CreditStanding::score).orElse(0) == 91);
        send(Topics.EMERGENCY_DRILLS, id, drill(id, "drill-" + UUID.randomUUID(), DrillHeld.Status.HELD, heldOn, null));
        await().atMost(Duration.ofSeconds(90)).until(() -> ledger.standing(id).map(CreditStanding::score).orElse(0) == 92);
        assertEquals(1, ledger.history(id).stream().filter(c -> ("drill:" + drillId).equals(c.ref())).count());
    }

    @Test
    void shouldTakeTenOnceWhenAMajorHazardOfTheRegisterIsOverdueButNotOneFromAFinding() throws Exception {
        String id = "hazard-it-" + UUID.randomUUID();
        LocalDate deadline = LocalDate.now().minusDays(2);
        HazardOverdue own = overdue(id, "hz-" + UUID.randomUUID(), "MAJOR", null, deadline);
        send(Topics.ENTERPRISE_HAZARDS_OVERDUE, id, own);
        send(Topics.ENTERPRISE_HAZARDS_OVERDUE, id, own);
        // From this service's finding: its re-inspection counts it already. A general hazard is not this input.
        send(Topics.ENTERPRISE_HAZARDS_OVERDUE, id, overdue(id, "hz-f-" + UUID.randomUUID(), "MAJOR", "in-1.A1", deadline));
        send(Topics.ENTERPRISE_HAZARDS_OVERDUE, id, overdue(id, "hz-g-" + UUID.randomUUID(), "GENERAL", null, deadline));
        // A second one marks the end of what was sent before it (same partition, in order): 100 − 10 − 10.
        send(Topics.ENTERPRISE_HAZARDS_OVERDUE, id, overdue(id, "hz-" + UUID.randomUUID(), "MAJOR", null, deadline));
        await().atMost(Duration.ofSeconds(90)).until(() -> ledger.standing(id).map(CreditStanding::score).orElse(100) <= 80);
        assertEquals(80, ledger.standing(id).orElseThrow().score());
        assertEquals(1, ledger.history(id).stream().filter(c -> ("hazard-overdue:" + own.overdueKey()).equals(c.ref())).count());
    }

    private static HazardOverdue overdue(String id, String hazardId, String grade, String findingId, LocalDate deadline) {
        return new HazardOverdue(UUID.randomUUID(), Instant.now(), "test", hazardId + "|" + deadline, hazardId, id, "隐患测试",
                "巴南区", null, grade, "HAZARDOUS_CHEMICALS", "SELF_CHECK", "紧急切断阀未联锁", findingId, deadline,
                deadline.plusDays(1).atStartOfDay(java.time.ZoneId.of("Asia/Shanghai")).toInstant());
    }

    private static CertificateRateChanged rate(String id, long held, long required, Double rate, Instant asOf) {
        return new CertificateRateChanged(UUID.randomUUID(), Instant.now(), "test", id, "持证测试", "渝北区", held, required,
                rate, asOf);
    }

    private static DrillHeld drill(String id, String drillId, DrillHeld.Status status, LocalDate heldOn, LocalDate evaluatedOn) {
        return new DrillHeld(UUID.randomUUID(), Instant.now(), "test", drillId, id, "演练测试", "江北区", null, "泄漏专项演练",
                "SPECIAL", "LIVE", status, heldOn, evaluatedOn);
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
