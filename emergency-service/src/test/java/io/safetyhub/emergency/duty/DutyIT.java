package io.safetyhub.emergency.duty;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.safetyhub.devstack.testing.TestInfra;
import io.safetyhub.devstack.testing.RealInfraResource;
import io.safetyhub.emergency.support.Demo;
import io.safetyhub.events.DutyRotaChanged;
import io.safetyhub.events.Topics;
import io.safetyhub.events.serde.DutyRotaChangedDeserializer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** The rota set over REST reaches emergency.duty.v1 under its key; a removal ends in a tombstone. */
@QuarkusTest
@QuarkusTestResource(RealInfraResource.class)
class DutyIT {

    @Test
    void shouldPublishTheRotaAndItsRemovalWhenARegulatorSetsAndRemovesADay() {
        LocalDate day = Demo.today().plusDays(20 + (int) (System.nanoTime() % 200));
        String key = DutyRotaChanged.key(day, "巴南区", "南泉街道");
        Demo.as("reg.banan").body("{\"town\":\"南泉街道\",\"leader\":{\"name\":\"王强\",\"phone\":\"13800000001\",\"post\":\"主任\"},"
                        + "\"officers\":[{\"name\":\"李明\",\"phone\":\"023-66220011\"}]}")
                .put("/api/emergency/duty/" + day).then().statusCode(200).body("published", equalTo(true))
                .body("id", equalTo(key));
        Demo.as("reg.banan").queryParam("from", day.toString()).queryParam("to", day.toString()).get("/api/emergency/duty")
                .then().statusCode(200).body("leader.name", hasItem("王强"));
        Demo.as("reg.banan").queryParam("town", "南泉街道").delete("/api/emergency/duty/" + day).then().statusCode(204);

        List<ConsumerRecord<String, DutyRotaChanged>> seen = new ArrayList<>();
        try (KafkaConsumer<String, DutyRotaChanged> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfra.shared().kafkaBootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "duty-it-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"), new StringDeserializer(), new DutyRotaChangedDeserializer())) {
            consumer.subscribe(List.of(Topics.EMERGENCY_DUTY));
            await().atMost(Duration.ofSeconds(60)).until(() -> {
                consumer.poll(Duration.ofMillis(500)).forEach(r -> {
                    if (key.equals(r.key())) {
                        seen.add(r);
                    }
                });
                return seen.size() >= 3;
            });
        }
        assertEquals(DutyRotaChanged.Change.SET, seen.get(0).value().change());
        assertEquals("王强", seen.get(0).value().leader().name());
        assertEquals(DutyRotaChanged.Change.DELETED, seen.get(1).value().change());
        assertNull(seen.get(2).value());
    }

    @Test
    void shouldRefuseWhenARegulatorSetsAnotherDistrictsRota() {
        Demo.as("reg.banan").body("{\"district\":\"渝北区\",\"leader\":{\"name\":\"王强\",\"phone\":\"13800000001\"},"
                        + "\"officers\":[{\"name\":\"李明\",\"phone\":\"13800000002\"}]}")
                .put("/api/emergency/duty/" + Demo.today()).then().statusCode(403);
    }

    @Test
    void shouldNameTheFieldWhenAPhoneIsNotAPhone() {
        Demo.as("reg.banan").body("{\"leader\":{\"name\":\"王强\",\"phone\":\"call me\"},\"officers\":[{\"name\":\"李明\",\"phone\":\"1\"}]}")
                .put("/api/emergency/duty/" + Demo.today()).then().statusCode(400).body("errors.field", hasItem("leader.phone"));
    }
}
