package io.safetyhub.emergency.map;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.safetyhub.devstack.testing.RealInfraResource;
import io.safetyhub.devstack.testing.TestInfra;
import io.safetyhub.emergency.alarm.AlarmView;
import io.safetyhub.emergency.alarm.KnownAlarm;
import io.safetyhub.emergency.enterprise.EnterpriseDirectory;
import io.safetyhub.emergency.support.Demo;
import io.safetyhub.events.AlarmEvent;
import io.safetyhub.events.AlarmLevel;
import io.safetyhub.events.Topics;
import io.safetyhub.events.serde.EventSerializer;
import jakarta.inject.Inject;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Open alarms within a radius, from the local views of the real alarm and registry topics: chem-banan-01 at
 * (106.65, 29.40), gas-banan-01 at (106.52, 29.38), build-yubei-01 at (106.63, 29.72).
 */
@QuarkusTest
@QuarkusTestResource(RealInfraResource.class)
class NearbyAlarmsIT {
    private static final String NEAR_CHEM = "/api/emergency/map/alarms?longitude=106.66&latitude=29.40";

    @Inject
    EnterpriseDirectory directory;
    @Inject
    AlarmView view;

    @BeforeEach
    void registry() throws Exception {
        Demo.registry(directory);
    }

    @Test
    void shouldListOpenAlarmsNearestFirstWhenTheyAreWithinTheRadius() throws Exception {
        String chem = alarm();
        String gas = alarm();
        String closed = alarm();
        Instant t = Instant.now().minusSeconds(60);
        send(event(chem, "chem-banan-01", "巴南区", AlarmEvent.Status.ACTIVE, t));
        send(event(closed, "chem-banan-01", "巴南区", AlarmEvent.Status.ACTIVE, t));
        send(event(closed, "chem-banan-01", "巴南区", AlarmEvent.Status.CLOSED, t.plusSeconds(30)));
        // an older event arriving late must not reopen it
        send(event(closed, "chem-banan-01", "巴南区", AlarmEvent.Status.ACTIVE, t.plusSeconds(10)));
        // last on the same partition: once it is in the view, everything before it has been handled
        send(event(gas, "gas-banan-01", "巴南区", AlarmEvent.Status.ACKNOWLEDGED, t));
        await().atMost(Duration.ofSeconds(60)).until(() -> view.byId(gas).isPresent());
        assertFalse(view.byId(closed).orElseThrow().open(), "the late, older ACTIVE event did not reopen the closed alarm");

        List<String> within5 = ids("reg.banan", NEAR_CHEM + "&radiusKm=5");
        assertTrue(within5.contains(chem), "chem-banan-01 is 0.97 km away: " + within5);
        assertFalse(within5.contains(gas), "gas-banan-01 is 13.7 km away: " + within5);
        assertFalse(within5.contains(closed), "a closed alarm is not open: " + within5);

        List<String> within20 = ids("reg.banan", NEAR_CHEM + "&radiusKm=20");
        assertTrue(within20.indexOf(chem) >= 0 && within20.indexOf(chem) < within20.indexOf(gas), "nearest first: " + within20);
        Demo.as("reg.banan").get(NEAR_CHEM + "&radiusKm=5").then().statusCode(200)
                .contentType("application/geo+json")
                .body("features.find { it.properties.id == '" + chem + "' }.properties.distanceKm", equalTo(0.97f))
                .body("features.find { it.properties.id == '" + chem + "' }.geometry.coordinates", equalTo(List.of(106.65f, 29.4f)));
    }

    @Test
    void shouldKeepOnlyTheNewestCopyWhenAnAlarmsEventsArriveOutOfOrder() {
        String id = alarm();
        Instant whole = Instant.parse("2026-12-02T08:00:03Z");
        Instant half = Instant.parse("2026-12-02T08:00:03.5Z"); // later, though "…03.5Z" sorts before "…03Z" as text
        assertTrue(view.keepIfNewer(known(id, AlarmEvent.Status.CLOSED, half)), "the first copy was not kept");
        assertFalse(view.keepIfNewer(known(id, AlarmEvent.Status.ACTIVE, whole)), "an older copy replaced a newer one");
        assertFalse(view.keepIfNewer(known(id, AlarmEvent.Status.ACTIVE, half)), "a copy as old replaced the stored one");
        assertFalse(view.byId(id).orElseThrow().open(), "the older ACTIVE copy reopened the closed alarm");
        assertTrue(view.keepIfNewer(known(id, AlarmEvent.Status.ACTIVE, half.plusNanos(1))), "a newer copy was refused");
        assertTrue(view.byId(id).orElseThrow().open(), "the newer copy is not what is stored");
    }

    @Test
    void shouldLeaveOutAnotherDistrictsAlarmsWhenARegulatorAsks() throws Exception {
        String build = alarm();
        send(event(build, "build-yubei-01", "渝北区", AlarmEvent.Status.ACTIVE, Instant.now()));
        await().atMost(Duration.ofSeconds(60)).until(() -> view.byId(build).isPresent());
        String nearBuild = "/api/emergency/map/alarms?longitude=106.63&latitude=29.72&radiusKm=1";
        assertFalse(ids("reg.banan", nearBuild).contains(build), "巴南区 does not see 渝北区's alarm");
        assertTrue(ids("reg.city", nearBuild).contains(build), "the city sees it");
        assertTrue(ids("ops", nearBuild).contains(build), "operators see it");
    }

    @Test
    void shouldAnswerTheNearestLimitAndTheTotalWhenMoreAlarmsAreWithinTheRadius() throws Exception {
        String near = alarm();
        String far = alarm();
        Instant t = Instant.now();
        send(event(far, "gas-banan-01", "巴南区", AlarmEvent.Status.ACTIVE, t));
        send(event(near, "chem-banan-01", "巴南区", AlarmEvent.Status.ACTIVE, t));
        await().atMost(Duration.ofSeconds(60)).until(() -> view.byId(near).isPresent() && view.byId(far).isPresent());
        String path = NEAR_CHEM + "&radiusKm=20";
        int total = Demo.as("reg.banan").get(path).then().statusCode(200).extract().path("total");
        assertTrue(total >= 2, "both alarms are within 20 km: " + total);

        Demo.as("reg.banan").get(path + "&limit=1").then().statusCode(200)
                .body("features", hasSize(1))
                .body("features[0].properties.enterpriseId", equalTo("chem-banan-01"))
                .body("total", equalTo(total));
        assertTrue(ids("reg.banan", path + "&limit=" + total).contains(far), "the farther one within a limit of all");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            latitude=29.40                               | longitude
            longitude=106.6                              | latitude
            longitude=east&latitude=29.40                | longitude
            longitude=181&latitude=29.40                 | longitude
            longitude=106.6&latitude=-91                 | latitude
            longitude=106.6&latitude=NaN                 | latitude
            longitude=106.6&latitude=29.4&radiusKm=0     | radiusKm
            longitude=106.6&latitude=29.4&radiusKm=51    | radiusKm
            longitude=106.6&latitude=29.4&radiusKm=-2    | radiusKm
            longitude=106.6&latitude=29.4&limit=0        | limit
            longitude=106.6&latitude=29.4&limit=501      | limit
            longitude=106.6&latitude=29.4&limit=ten      | limit
            """)
    void shouldNameTheParameterWhenThePointOrRadiusIsBad(String query, String field) {
        Demo.as("reg.banan").get("/api/emergency/map/alarms?" + query).then().statusCode(400)
                .contentType("application/problem+json").body("errors.field", hasItem(field));
    }

    private static List<String> ids(String user, String path) {
        return Demo.as(user).get(path).then().statusCode(200).extract().path("features.properties.id");
    }

    private static String alarm() {
        return "al-nearby-" + UUID.randomUUID();
    }

    private static KnownAlarm known(String id, AlarmEvent.Status status, Instant at) {
        return KnownAlarm.of(event(id, "chem-banan-01", "巴南区", status, at));
    }

    private static AlarmEvent event(String id, String enterprise, String district, AlarmEvent.Status status, Instant at) {
        AlarmEvent.Change change = status == AlarmEvent.Status.CLOSED ? AlarmEvent.Change.CLOSED : AlarmEvent.Change.RAISED;
        return new AlarmEvent(UUID.randomUUID(), at, "test", id, change, AlarmEvent.Kind.THRESHOLD, AlarmLevel.ORANGE, status,
                enterprise, district, "GA-T1", "gas-alarm", "gas-lel-ii", "gas_lel", 60.0, "%LEL", 50.0, at,
                "可燃气体浓度 60 %LEL", at);
    }

    private static void send(AlarmEvent event) throws Exception {
        Map<String, Object> settings = Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfra.shared().kafkaBootstrapServers(),
                ProducerConfig.ACKS_CONFIG, "all");
        try (var producer = new KafkaProducer<String, Object>(settings, new StringSerializer(), new EventSerializer())) {
            // one partition for all, so that the order of handling is the order of sending
            producer.send(new ProducerRecord<>(Topics.ALARMS, 0, event.alarmId(), event)).get(30, TimeUnit.SECONDS);
        }
    }
}
