package io.safetyhub.warning.history;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.safetyhub.devstack.testing.RealInfraResource;
import io.safetyhub.devstack.testing.TestInfra;
import io.safetyhub.events.Topics;
import io.safetyhub.warning.support.Engines;
import io.safetyhub.warning.support.Feed;
import io.safetyhub.events.Reading;
import io.safetyhub.warning.config.WarningConfig;
import com.mongodb.client.MongoClient;
import jakarta.inject.Inject;
import org.bson.Document;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every reading lands in its minute bucket, inserted once its minute is over, and comes back down-sampled within the
 * caller's scope; a bucket stored twice (a replay, another instance) holds each sample once.
 */
@QuarkusTest
@QuarkusTestResource(RealInfraResource.class)
class HistoryIT {

    @Inject
    HistoryStore store;

    @Inject
    MongoClient mongo;

    @Inject
    WarningConfig config;

    @BeforeAll
    static void enterprises() {
        Feed.demoEnterprises();
    }

    @Test
    void shouldReturnMinMaxAvgPerStepWhenReadingsAreStored() {
        Instant minute = Instant.now().truncatedTo(ChronoUnit.HOURS).minus(Duration.ofHours(2));
        double[] values = {10, 20, 30, 5, 7};
        int[] seconds = {0, 20, 40, 60, 200};
        for (int i = 0; i < values.length; i++) {
            Feed.send(Topics.READINGS, "GA-HIST", Engines.reading("GA-HIST", "gas-alarm", "gas_lel", values[i],
                    minute.plusSeconds(seconds[i])));
        }
        String from = minute.toString();
        String to = minute.plus(Duration.ofMinutes(10)).toString();
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                given().auth().oauth2(TestInfra.shared().token("ent.chem"))
                        .queryParam("deviceId", "GA-HIST").queryParam("metric", "gas_lel")
                        .queryParam("from", from).queryParam("to", to).queryParam("step", "PT2M")
                        .when().get("/api/readings")
                        .then().statusCode(200)
                        .body("points", hasSize(2))
                        .body("points[0].min", equalTo(5.0f)).body("points[0].max", equalTo(30.0f))
                        .body("points[0].avg", equalTo(16.25f)).body("points[0].count", equalTo(4))
                        .body("points[1].start", equalTo(minute.plus(Duration.ofMinutes(2)).toString())));

        given().auth().oauth2(TestInfra.shared().token("ent.build"))
                .queryParam("deviceId", "GA-HIST").queryParam("metric", "gas_lel")
                .queryParam("from", from).queryParam("to", to)
                .when().get("/api/readings").then().statusCode(200).body("points", hasSize(0));
        given().auth().oauth2(TestInfra.shared().token("reg.banan"))
                .queryParam("deviceId", "GA-HIST").queryParam("metric", "gas_lel")
                .queryParam("from", from).queryParam("to", to)
                .when().get("/api/readings").then().statusCode(200).body("points", hasSize(3));
    }

    @Test
    void shouldNameTheFieldWhenTheRangeIsTooLongOrTheStepIsNotMinutes() {
        Instant now = Instant.now();
        given().auth().oauth2(TestInfra.shared().token("reg.city"))
                .queryParam("deviceId", "GA-HIST").queryParam("metric", "gas_lel")
                .queryParam("from", now.minus(Duration.ofDays(30)).toString()).queryParam("to", now.toString())
                .when().get("/api/readings").then().statusCode(400).body("errors[0].field", equalTo("to"));
        given().auth().oauth2(TestInfra.shared().token("reg.city"))
                .queryParam("deviceId", "GA-HIST").queryParam("metric", "gas_lel")
                .queryParam("from", now.minusSeconds(600).toString()).queryParam("to", now.toString())
                .queryParam("step", "PT90S")
                .when().get("/api/readings").then().statusCode(400).body("errors[0].field", equalTo("step"));
        given().auth().oauth2(TestInfra.shared().token("reg.city"))
                .queryParam("metric", "gas_lel")
                .queryParam("from", now.minusSeconds(600).toString()).queryParam("to", now.toString())
                .when().get("/api/readings").then().statusCode(400).body("errors[0].field", equalTo("deviceId"));
    }

    @Test
    void shouldCountEachReadingOnceWhenTheSameBatchIsWrittenTwice() {
        Instant minute = Instant.now().truncatedTo(ChronoUnit.HOURS).minus(Duration.ofHours(3));
        List<Reading> batch = List.of(
                Engines.reading("GA-REPLAY", "gas-alarm", "gas_lel", 10, minute.plusSeconds(1)),
                Engines.reading("GA-REPLAY", "gas-alarm", "gas_lel", 30, minute.plusSeconds(2)),
                Engines.reading("GA-REPLAY", "gas-alarm", "gas_lel", 5, minute.plusSeconds(3)),
                Engines.reading("GA-REPLAY", "gas-alarm", "gas_lel", 8, minute.plusSeconds(61)));
        String first = HistoryStore.bucketId("GA-REPLAY", "gas_lel", minute);
        String second = HistoryStore.bucketId("GA-REPLAY", "gas_lel", minute.plusSeconds(60));

        batch.forEach(store::add);
        store.flush();
        batch.forEach(store::add); // the replay after a crash, before the offsets were committed
        store.flush();
        // A replay that overlaps: two old readings and one new.
        store.add(batch.get(0));
        store.add(batch.get(3));
        store.add(Engines.reading("GA-REPLAY", "gas-alarm", "gas_lel", 40, minute.plusSeconds(62)));
        store.flush();

        Map<String, Document> byId = store.byIds(List.of(first, second)).stream()
                .collect(Collectors.toMap(d -> d.getString("_id"), d -> d));
        assertEquals(3, byId.get(first).get("count", Number.class).intValue());
        assertEquals(45.0, byId.get(first).get("sum", Number.class).doubleValue());
        assertEquals(5.0, byId.get(first).get("min", Number.class).doubleValue());
        assertEquals(30.0, byId.get(first).get("max", Number.class).doubleValue());
        assertEquals(3, BucketColumns.timesOf(byId.get(first)).length);
        assertEquals(2, byId.get(second).get("count", Number.class).intValue());
        assertEquals(48.0, byId.get(second).get("sum", Number.class).doubleValue());
        assertEquals(40.0, byId.get(second).get("max", Number.class).doubleValue());
    }

    @Test
    void shouldStoreOnlyTheNewSampleWhenThePartitionCameBackFromAnotherInstance() {
        Instant minute = Instant.now().truncatedTo(ChronoUnit.HOURS).minus(Duration.ofHours(5));
        HistoryStore other = new HistoryStore(new MongoBucketRepository(mongo, config), config, Clock.systemUTC());
        List<Reading> r = List.of(
                Engines.reading("GA-MOVED", "gas-alarm", "gas_lel", 1, minute.plusSeconds(1)),
                Engines.reading("GA-MOVED", "gas-alarm", "gas_lel", 2, minute.plusSeconds(2)),
                Engines.reading("GA-MOVED", "gas-alarm", "gas_lel", 4, minute.plusSeconds(3)),
                Engines.reading("GA-MOVED", "gas-alarm", "gas_lel", 8, minute.plusSeconds(4)));
        store.add(r.get(0));
        store.add(r.get(1));
        store.flush();
        // The partition moves to the other instance, which replays from the last commit, and back again.
        other.add(r.get(1));
        other.add(r.get(2));
        other.flush();
        store.add(r.get(2)); // replayed again here: already stored by the other instance
        store.add(r.get(3)); // new
        store.flush();

        Document bucket = store.byIds(List.of(HistoryStore.bucketId("GA-MOVED", "gas_lel", minute))).get(0);
        assertEquals(4, bucket.get("count", Number.class).intValue());
        assertEquals(15.0, bucket.get("sum", Number.class).doubleValue());
        assertEquals(4, BucketColumns.timesOf(bucket).length);
    }

    @Test
    void shouldStoreEveryBucketOnceWhenASealingSpansSeveralInsertsAndOneBucketCollides() {
        // 40 devices x 600 samples: 24,000 samples, more than one insert holds (MAX_SAMPLES_PER_INSERT), so the
        // sealing is split; the last device's bucket was stored before (a replay), so one insert collides.
        Instant minute = Instant.now().truncatedTo(ChronoUnit.HOURS).minus(Duration.ofHours(7));
        int devices = 40;
        int perDevice = 600;
        assertTrue(devices * perDevice > MongoBucketRepository.MAX_SAMPLES_PER_INSERT);
        String last = "GA-CHUNK-" + (devices - 1);
        store.add(Engines.reading(last, "gas-alarm", "gas_lel", 1, minute));
        store.flush();
        for (int d = 0; d < devices; d++) {
            for (int i = 0; i < perDevice; i++) {
                store.add(Engines.reading("GA-CHUNK-" + d, "gas-alarm", "gas_lel", i % 7,
                        minute.plusMillis(i * 100L)));
            }
        }
        store.flush();

        List<String> ids = new java.util.ArrayList<>();
        for (int d = 0; d < devices; d++) {
            ids.add(HistoryStore.bucketId("GA-CHUNK-" + d, "gas_lel", minute));
        }
        Map<String, Document> byId = store.byIds(ids).stream()
                .collect(Collectors.toMap(d -> d.getString("_id"), d -> d));
        assertEquals(devices, byId.size(), "every device's bucket stored");
        for (String id : ids) {
            assertEquals(perDevice, BucketColumns.timesOf(byId.get(id)).length, id + ": each sample once");
            assertEquals(perDevice, byId.get(id).get("count", Number.class).intValue(), id);
        }
    }
}
