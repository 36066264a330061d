package io.safetyhub.training.compliance;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.safetyhub.devstack.testing.RealInfraResource;
import io.safetyhub.devstack.testing.TestInfra;
import io.safetyhub.events.CertificateReminder;
import io.safetyhub.events.Topics;
import io.safetyhub.events.serde.CertificateReminderDeserializer;
import io.safetyhub.training.common.BusinessDay;
import io.safetyhub.training.enterprise.RegisteredEnterpriseRepository;
import io.safetyhub.training.support.Calls;
import io.safetyhub.training.support.DemoRegistry;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Certificate rate, people without a certificate and reminders on the seeded demo data (see
 * src/main/resources/seed/demo-personnel.csv): chem-banan-01 has 5 employed people in the three posts of whom 3
 * hold a usable certificate, gas-banan-01 2 of whom 1 (the principal's is revoked), build-yubei-01 4 of 4,
 * chem-jiangbei-01 2 of 2. Other tests add only people outside the three posts, so these figures hold.
 */
@QuarkusTest
@QuarkusTestResource(RealInfraResource.class)
class ComplianceIT {
    @Inject
    RegisteredEnterpriseRepository view;
    @Inject
    ReminderCheck check;
    @Inject
    BusinessDay days;

    @BeforeEach
    void registry() throws Exception {
        DemoRegistry.ensure(view);
    }

    @Test
    void shouldComputeCertificateRatePerEnterpriseWhenDemoDataIsSeeded() {
        JsonPath rates = Calls.as("reg.city").get("/api/compliance/certificate-rates").then().statusCode(200).extract().jsonPath();
        assertRate(rates, "chem-banan-01", 5, 3, 60.0);
        assertRate(rates, "gas-banan-01", 2, 1, 50.0);
        assertRate(rates, "build-yubei-01", 4, 4, 100.0);
        assertRate(rates, "chem-jiangbei-01", 2, 2, 100.0);
    }

    @Test
    void shouldComputeCertificateRatePerDistrictAndSectorWhenDemoDataIsSeeded() {
        JsonPath districts = Calls.as("reg.city").get("/api/compliance/certificate-rates/by?group=DISTRICT").then().statusCode(200)
                .extract().jsonPath();
        assertRate(districts, "巴南区", 7, 4, 57.1);
        assertRate(districts, "渝北区", 4, 4, 100.0);
        assertRate(districts, "江北区", 2, 2, 100.0);

        JsonPath sectors = Calls.as("reg.city").get("/api/compliance/certificate-rates/by?group=SECTOR").then().statusCode(200)
                .extract().jsonPath();
        assertRate(sectors, "HAZARDOUS_CHEMICALS", 7, 5, 71.4);
        assertRate(sectors, "TOWN_GAS", 2, 1, 50.0);
        assertRate(sectors, "CONSTRUCTION", 4, 4, 100.0);
    }

    @Test
    void shouldConfineRatesToTheCallersTenantWhenEnterpriseOrDistrictRegulatorAsks() {
        assertEquals(List.of("chem-banan-01"), Calls.as("ent.chem").get("/api/compliance/certificate-rates").then().statusCode(200)
                .extract().jsonPath().getList("key"));
        assertEquals(List.of("巴南区"), Calls.as("reg.banan").get("/api/compliance/certificate-rates/by?group=DISTRICT").then()
                .statusCode(200).extract().jsonPath().getList("key"));
    }

    @Test
    void shouldListPeopleWorkingWithoutValidCertificateWhenAsked() {
        JsonPath chem = Calls.as("ent.chem").get("/api/compliance/uncertified").then().statusCode(200).extract().jsonPath();
        assertEquals(List.of("p-demo-chem-04", "p-demo-chem-05"), chem.getList("items.personId"));
        assertEquals(List.of("EXPIRED", "NO_CERTIFICATE"), chem.getList("items.reason"));
        assertEquals(2, chem.getInt("total"));
        chem.getList("items.idCardNumber", String.class).forEach(n -> assertTrue(n.matches("\\d{6}\\*{8}[\\dX]{4}"), n));

        List<String> city = Calls.as("reg.city").get("/api/compliance/uncertified?size=100").then().statusCode(200).extract()
                .jsonPath().getList("items.reason");
        assertTrue(city.contains("REVOKED"), city.toString());
    }

    @Test
    void shouldPublishEachReminderOnceWhenTheCheckRunsTwice() {
        LocalDate today = days.today();
        check.check(today);
        assertTrue(check.check(today).isEmpty(), "a second check on the same day publishes nothing");

        JsonPath list = Calls.as("ops").get("/api/compliance/reminders?size=100").then().statusCode(200).extract().jsonPath();
        String chem02 = reminderId(list, "c-demo-chem-02", "EXPIRY", 90);
        String build03 = reminderId(list, "c-demo-build-03", "EXPIRY", 30);
        String jb02 = reminderId(list, "c-demo-jb-02", "REVIEW", 90);

        Map<String, Integer> published = consumeReminders(Set.of(chem02, build03, jb02));
        assertEquals(1, published.get(chem02));
        assertEquals(1, published.get(build03));
        assertEquals(1, published.get(jb02));

        List<String> own = Calls.as("ent.build").get("/api/compliance/reminders?size=100").then().statusCode(200).extract()
                .jsonPath().getList("items.enterpriseId");
        assertFalse(own.isEmpty());
        assertTrue(own.stream().allMatch("build-yubei-01"::equals), own.toString());
    }

    @Test
    void shouldRaiseThe30DayReminderWhenTheCertificateComesCloser() {
        LocalDate later = days.today().plusDays(40);
        List<String> raised = check.check(later).stream().map(Reminder::id).toList();
        assertTrue(raised.stream().anyMatch(id -> id.startsWith("c-demo-chem-02|EXPIRY|") && id.endsWith("|30")), raised.toString());
        assertTrue(check.check(later).isEmpty());
    }

    private static String reminderId(JsonPath list, String certificateId, String due, int daysBefore) {
        List<Map<String, Object>> items = list.getList("items");
        return items.stream().filter(r -> certificateId.equals(r.get("certificateId")) && due.equals(r.get("due"))
                        && Integer.valueOf(daysBefore).equals(r.get("daysBefore")))
                .map(r -> (String) r.get("id")).findFirst()
                .orElseThrow(() -> new AssertionError("no " + due + " " + daysBefore + " reminder for " + certificateId + " in " + items));
    }

    /**
     * Reads the topic from the start to its end (the checks above returned only after Kafka acknowledged every send,
     * so a duplicate would already be there) and counts each reminder id.
     */
    private static Map<String, Integer> consumeReminders(Set<String> wanted) {
        Map<String, Integer> seen = new HashMap<>();
        try (KafkaConsumer<String, CertificateReminder> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfra.shared().kafkaBootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "test-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"), new StringDeserializer(), new CertificateReminderDeserializer())) {
            consumer.subscribe(List.of(Topics.TRAINING_REMINDERS));
            await().atMost(Duration.ofSeconds(60)).pollInSameThread().pollInterval(Duration.ZERO).until(() -> {
                for (ConsumerRecord<String, CertificateReminder> r : consumer.poll(Duration.ofMillis(500))) {
                    seen.merge(r.value().reminderId(), 1, Integer::sum);
                    assertEquals(r.value().certificateId(), r.key());
                }
                return seen.keySet().containsAll(wanted) && atEnd(consumer);
            });
        }
        return seen;
    }

    private static boolean atEnd(KafkaConsumer<?, ?> consumer) {
        Set<TopicPartition> assigned = consumer.assignment();
        return !assigned.isEmpty() && consumer.endOffsets(assigned).entrySet().stream()
                .allMatch(end -> consumer.position(end.getKey()) >= end.getValue());
    }

    private static void assertRate(JsonPath rates, String key, long required, long certified, double rate) {
        List<Map<String, Object>> items = rates.getList("$");
        Map<String, Object> row = items.stream().filter(r -> key.equals(r.get("key"))).findFirst()
                .orElseThrow(() -> new AssertionError(key + " missing from " + items));
        assertEquals(required, ((Number) row.get("required")).longValue(), key + " required");
        assertEquals(certified, ((Number) row.get("certified")).longValue(), key + " certified");
        assertEquals(rate, ((Number) row.get("rate")).doubleValue(), 0.001, key + " rate");
    }
}
