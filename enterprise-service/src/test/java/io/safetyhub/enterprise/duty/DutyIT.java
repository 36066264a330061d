package io.safetyhub.enterprise.duty;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import io.safetyhub.devstack.testing.RealInfraResource;
import io.safetyhub.devstack.testing.TestInfra;
import io.safetyhub.enterprise.access.Fixtures;
import io.safetyhub.events.DutyOverdue;
import io.safetyhub.events.Topics;
import io.safetyhub.events.serde.DutyOverdueDeserializer;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** 包保 duties over REST with real tokens, and the overdue announcement on the harness' real Kafka. */
@QuarkusTest
@QuarkusTestResource(RealInfraResource.class)
class DutyIT {
    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private static final String BASE = "/api/enterprises/chem-banan-01/major-hazards";
    private static final String TANK_FARM = BASE + "/MHS-chem-banan-01-01/duties";

    @Inject
    DutyService duties;
    @Inject
    DutyOverdueCheck check;
    @Inject
    Clock clock;

    @Test
    void shouldShowFullPhoneToEnterpriseAndMaskedToRegulatorWhenReadingHolders() {
        as("ent.chem").when().get(TANK_FARM).then().statusCode(200)
                .body("roles.find { it.role == 'OPERATIONAL' }.holder.name", equalTo("郑涛"))
                .body("roles.find { it.role == 'OPERATIONAL' }.holder.phone", equalTo("13983020003"))
                .body("roles.find { it.role == 'MAIN' }.frequency", equalTo("QUARTERLY"))
                .body("roles.find { it.role == 'TECHNICAL' }.frequency", equalTo("QUARTERLY"))
                .body("roles.find { it.role == 'OPERATIONAL' }.frequency", equalTo("WEEKLY"));
        as("reg.banan").when().get(TANK_FARM).then().statusCode(200)
                .body("roles.find { it.role == 'OPERATIONAL' }.holder.phone", equalTo("139****0003"));
        as("ops").when().get(TANK_FARM).then().statusCode(200)
                .body("roles.find { it.role == 'MAIN' }.holder.phone", equalTo("138****5678"));
    }

    @Test
    void shouldRefuseNamingPersonNameAndWriteNothingWhenPersonIsNotTheRolesHolder() {
        int before = checks();
        as("ent.chem").body(checkBody("TECHNICAL", "郑涛", today())).when().post(TANK_FARM + "/checks").then()
                .statusCode(400).contentType("application/problem+json").body("errors.field", hasItem("personName"));
        as("ent.chem").body(checkBody("TECHNICAL", "孙伟", today().plusDays(1))).when().post(TANK_FARM + "/checks").then()
                .statusCode(400).body("errors.field", hasItem("date"));
        as("ent.chem").body(checkBody("CHIEF", "孙伟", today())).when().post(TANK_FARM + "/checks").then()
                .statusCode(400);
        assertEquals(before, checks(), "nothing written");
        as("ent.chem").body(checkBody("TECHNICAL", "孙伟", today())).when().post(TANK_FARM + "/checks").then()
                .statusCode(201).body("personName", equalTo("孙伟"));
        as("ent.chem").when().get(TANK_FARM).then()
                .body("roles.find { it.role == 'TECHNICAL' }.checkedThisPeriod", equalTo(true));
    }

    @Test
    void shouldPublishExactlyOneDutyOverdueWhenOneWeekEndedWithoutCheck() {
        String location = as("ent.chem").body(Fixtures.MAJOR_HAZARD).when().post(BASE).then().statusCode(201)
                .extract().header("Location");
        String id = location.substring(location.lastIndexOf('/') + 1);
        // Named from the Monday two weeks back: two weeks have ended since; the first was checked, the second not.
        LocalDate since = DutyPeriod.containing(DutyFrequency.WEEKLY, today()).start().minusWeeks(2);
        duties.seed(id, new DutyHoldersRequest(new DutyHoldersRequest.Person("甲", "总经理", "13800000001"),
                new DutyHoldersRequest.Person("乙", "总工", "13800000002"),
                new DutyHoldersRequest.Person("丙", "班长", "13800000003")), since);
        as("ent.chem").body(checkBody("OPERATIONAL", "丙", since.plusDays(2))).when().post(location + "/duties/checks")
                .then().statusCode(201);

        String expectedKey = id + "|OPERATIONAL|" + since.plusWeeks(1);
        List<String> first = check.run(clock.instant()).stream().filter(k -> k.startsWith(id + "|")).toList();
        assertEquals(List.of(expectedKey), first);
        assertEquals(List.of(), check.run(clock.instant()).stream().filter(k -> k.startsWith(id + "|")).toList(),
                "a rerun announces nothing twice");

        List<DutyOverdue> published = readAll(id);
        assertEquals(1, published.size(), "exactly one DutyOverdue for " + id + ": " + published);
        DutyOverdue event = published.get(0);
        assertEquals(expectedKey, event.dutyKey());
        assertEquals(DutyOverdue.Role.OPERATIONAL, event.role());
        assertEquals("丙", event.personName());
        assertEquals("WEEKLY", event.frequency());
        assertEquals(since.plusWeeks(1), event.periodStart());
        assertEquals(since.plusWeeks(2).atStartOfDay(SHANGHAI).toInstant(), event.dueBy());
        assertEquals("巴南区", event.district());
        assertEquals("chem-banan-01", event.enterpriseId());

        as("reg.banan").queryParam("role", "OPERATIONAL").queryParam("size", 100).when().get("/api/duties/overdue")
                .then().statusCode(200).body("items.dutyKey", hasItem(expectedKey));
        as("reg.banan").queryParam("district", "渝北区").when().get("/api/duties/overdue").then().statusCode(200)
                .body("total", equalTo(0));
        as("reg.banan").queryParam("role", "BOSS").when().get("/api/duties/overdue").then().statusCode(400)
                .body("errors[0].field", equalTo("role"));
    }

    @Test
    void shouldDropHoldersWhenTheirInstallationIsRemoved() {
        String location = as("ent.chem").body(Fixtures.MAJOR_HAZARD).when().post(BASE).then().statusCode(201)
                .extract().header("Location");
        as("ent.chem").body(Fixtures.DUTY_HOLDERS).when().put(location + "/duties/holders").then().statusCode(200)
                .body("roles.find { it.role == 'MAIN' }.holder.name", equalTo("甲"));
        as("ent.chem").when().delete(location).then().statusCode(204);
        // The next installation takes the freed number: it starts without holders.
        String again = as("ent.chem").body(Fixtures.MAJOR_HAZARD).when().post(BASE).then().statusCode(201)
                .extract().header("Location");
        assertEquals(location, again, "numbers are reused (max + 1)");
        as("ent.chem").when().get(again + "/duties").then().statusCode(200)
                .body("roles.find { it.role == 'MAIN' }.holder", org.hamcrest.Matchers.nullValue());
        as("ent.chem").when().delete(again).then().statusCode(204);
    }

    /** Every record of the installation on the duties topic, read from the beginning to the current end. */
    private static List<DutyOverdue> readAll(String installationId) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfra.shared().kafkaBootstrapServers());
        props.put(ConsumerConfig.GROUP_ID_CONFIG, "duties-test-" + UUID.randomUUID());
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        List<DutyOverdue> found = new ArrayList<>();
        try (KafkaConsumer<String, DutyOverdue> consumer = new KafkaConsumer<>(props, new StringDeserializer(),
                new DutyOverdueDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(Topics.ENTERPRISE_DUTIES).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            await().atMost(Duration.ofSeconds(30)).pollInSameThread().pollInterval(Duration.ZERO).until(() -> {
                for (ConsumerRecord<String, DutyOverdue> r : consumer.poll(Duration.ofMillis(500))) {
                    if (installationId.equals(r.key()) && r.value() != null) {
                        found.add(r.value());
                    }
                }
                return partitions.stream().allMatch(p -> consumer.position(p) >= end.get(p));
            });
        }
        return found;
    }

    private int checks() {
        return as("ent.chem").when().get(TANK_FARM + "/checks").then().statusCode(200).extract().path("total");
    }

    private static LocalDate today() {
        return LocalDate.now(SHANGHAI);
    }

    private static String checkBody(String role, String person, LocalDate date) {
        return "{\"role\": \"" + role + "\", \"personName\": \"" + person + "\", \"date\": \"" + date
                + "\", \"findings\": \"罐区巡查，液位、压力正常\", \"outcome\": \"OK\"}";
    }

    private static RequestSpecification as(String user) {
        return given().auth().oauth2(TestInfra.shared().token(user)).contentType("application/json");
    }
}
