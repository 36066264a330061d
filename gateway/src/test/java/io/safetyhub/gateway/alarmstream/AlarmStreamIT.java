package io.safetyhub.gateway.alarmstream;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.safetyhub.devstack.testing.RealInfraResource;
import io.safetyhub.devstack.testing.TestInfra;
import io.safetyhub.events.AlarmEvent;
import io.safetyhub.events.AlarmLevel;
import io.safetyhub.events.Topics;
import io.safetyhub.events.serde.EventSerializer;
import io.safetyhub.gateway.proxy.EchoUpstreams;
import io.safetyhub.gateway.security.KeycloakTestClients;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.URL;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The live alarm stream against the real Kafka broker and real tokens. All events of one test share a
 * Kafka key, so they land in one partition and arrive in the order sent: once a client has the last
 * event meant for it, it has also been offered every earlier one, and absence can be asserted.
 */
@QuarkusTest
@QuarkusTestResource(RealInfraResource.class)
@QuarkusTestResource(EchoUpstreams.class)
class AlarmStreamIT {
    private static final com.fasterxml.jackson.databind.ObjectMapper JSON = new com.fasterxml.jackson.databind.ObjectMapper();
    private static final String CHEM = "chem-banan-01";
    private static final String BUILD = "build-yubei-01";
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static KafkaProducer<String, Object> producer;
    @TestHTTPResource(value = "/metrics", management = true)
    URL metrics;

    @BeforeAll
    static void startProducer() {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfra.shared().kafkaBootstrapServers());
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        producer = new KafkaProducer<>(props, new StringSerializer(), new EventSerializer());
    }

    @AfterAll
    static void stopProducer() {
        if (producer != null) {
            producer.close();
        }
    }

    @Test
    void shouldSendEachCallerOnlyAlarmsOfItsTenantWhenSeveralCallersStream() throws Exception {
        String key = "scope-" + UUID.randomUUID();
        try (SseClient chem = open("ent.chem", Map.of(), true);
             SseClient build = open("ent.build", Map.of(), false);
             SseClient banan = open("reg.banan", Map.of(), false);
             SseClient city = open("reg.city", Map.of(), false)) {
            AlarmEvent a1 = alarm(CHEM, "巴南区", AlarmEvent.Change.RAISED);
            AlarmEvent b1 = alarm(BUILD, "渝北区", AlarmEvent.Change.RAISED);
            AlarmEvent a2 = alarm(CHEM, "巴南区", AlarmEvent.Change.ACKNOWLEDGED);
            AlarmEvent b2 = alarm(BUILD, "渝北区", AlarmEvent.Change.LEVEL_RAISED);
            publish(key, a1, b1, a2, b2);

            assertEquals(List.of(a1.alarmId(), a2.alarmId()), alarmsUntil(chem, a2, a1, b1, a2, b2));
            assertEquals(List.of(b1.alarmId(), b2.alarmId()), alarmsUntil(build, b2, a1, b1, a2, b2));
            assertEquals(List.of(a1.alarmId(), a2.alarmId()), alarmsUntil(banan, a2, a1, b1, a2, b2));
            assertEquals(List.of(a1.alarmId(), b1.alarmId(), a2.alarmId(), b2.alarmId()), alarmsUntil(city, b2, a1, b1, a2, b2));
            SseClient.Frame raised = city.await(f -> f.data() != null && f.data().contains(b2.alarmId()), WAIT);
            assertEquals("level-raised", raised.event());
            assertTrue(raised.id().matches("\\d+-\\d+"), raised.id());
            assertNotNull(city.await(f -> "heartbeat".equals(f.comment()), WAIT), "no heartbeat");
        }
    }

    @Test
    void shouldReplayMissedEventsWhenClientReconnectsWithLastEventId() throws Exception {
        String key = "replay-" + UUID.randomUUID();
        AlarmEvent e1 = alarm(CHEM, "巴南区", AlarmEvent.Change.RAISED);
        AlarmEvent e2 = alarm(CHEM, "巴南区", AlarmEvent.Change.ESCALATED);
        AlarmEvent e3 = alarm(CHEM, "巴南区", AlarmEvent.Change.CLEARED);
        String e1Id;
        try (SseClient ops = open("ops", Map.of(), false)) {
            publish(key, e1, e2);
            e1Id = frameOf(ops, e1).id();
            frameOf(ops, e2);
        }
        publish(key, e3); // while nobody from this test is connected

        try (SseClient byQuery = openUrl("/api/alarms/stream?lastEventId=" + e1Id, "ent.chem", Map.of())) {
            assertEquals(List.of(e2.alarmId(), e3.alarmId()), alarmsUntil(byQuery, e3, e1, e2, e3));
        }
        try (SseClient byHeader = openUrl("/api/alarms/stream", "reg.city", Map.of("Last-Event-ID", e1Id))) {
            assertEquals(List.of(e2.alarmId(), e3.alarmId()), alarmsUntil(byHeader, e3, e1, e2, e3));
        }
        // The enterprise in another district is given no replay of these events either.
        try (SseClient other = openUrl("/api/alarms/stream?lastEventId=" + e1Id, "ent.build", Map.of())) {
            SseClient.Frame leaked = other.await(f -> f.data() != null
                    && (f.data().contains(e2.alarmId()) || f.data().contains(e3.alarmId())), Duration.ofSeconds(2));
            assertEquals(null, leaked, "ent.build was replayed chem's alarm " + leaked);
        }
    }

    @Test
    void shouldTellClientToReloadWhenLastEventIdIsOutsideTheWindow() throws Exception {
        try (SseClient client = openUrl("/api/alarms/stream", "reg.city", Map.of("Last-Event-ID", "999-1"))) {
            SseClient.Frame reload = client.await(f -> "reload".equals(f.event()), WAIT);
            assertNotNull(reload, "no reload event in " + client.seen());
        }
    }

    @Test
    void shouldRefuseStreamWhenTokenIsMissingOrInvalid() throws Exception {
        try (SseClient anonymous = SseClient.open(base() + "/api/alarms/stream", Map.of())) {
            assertEquals(401, anonymous.status());
        }
        try (SseClient forged = SseClient.open(base() + "/api/alarms/stream?access_token=not.a.token", Map.of())) {
            assertEquals(401, forged.status());
        }
    }

    @Test
    void shouldKeepQueryTokenOutOfTheAccessLogWhenStreamIsOpenedWithIt() throws Exception {
        List<String> lines = new java.util.concurrent.CopyOnWriteArrayList<>();
        java.util.logging.Handler capture = new java.util.logging.Handler() {
            @Override
            public void publish(java.util.logging.LogRecord record) {
                lines.add(String.valueOf(record.getMessage()));
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        java.util.logging.Logger accessLog = java.util.logging.Logger.getLogger("io.quarkus.http.access-log");
        accessLog.addHandler(capture);
        try (SseClient refused = SseClient.open(base() + "/api/alarms/stream?access_token=secret-token-marker", Map.of())) {
            assertEquals(401, refused.status());
            await().atMost(WAIT)
                    .until(() -> lines.stream().anyMatch(l -> l.contains("/api/alarms/stream")));
        } finally {
            accessLog.removeHandler(capture);
        }
        assertTrue(lines.stream().noneMatch(l -> l.contains("secret-token-marker")), lines.toString());
    }

    @Test
    void shouldEndStreamAtTokenExpiryAndResumeWhenReopenedWithFreshTokenAndLastEventId() throws Exception {
        String key = "expiry-" + UUID.randomUUID();
        String shortToken = KeycloakTestClients.token(KeycloakTestClients.TEN_SECONDS, "ops");
        long expiresAtMillis = JSON.readTree(Base64.getUrlDecoder().decode(shortToken.split("\\.")[1]))
                .path("exp").asLong() * 1000;
        AlarmEvent before = alarm(CHEM, "巴南区", AlarmEvent.Change.RAISED);
        AlarmEvent after = alarm(CHEM, "巴南区", AlarmEvent.Change.ACKNOWLEDGED);
        String lastId;
        try (SseClient stream = connected(SseClient.open(base() + "/api/alarms/stream",
                Map.of("Authorization", "Bearer " + shortToken)))) {
            publish(key, before);
            lastId = frameOf(stream, before).id();
            await().atMost(WAIT).until(stream::ended);
            SseClient.Frame last = stream.await(f -> "token-expired".equals(f.event()), Duration.ofSeconds(1));
            assertNotNull(last, "no token-expired event before the end: " + stream.seen());
            // Ended by the token's exp (whole seconds), not earlier: a stream never outlives nor undercuts its token.
            assertTrue(stream.endedAtMillis() >= expiresAtMillis - 1_000,
                    "ended " + (expiresAtMillis - stream.endedAtMillis()) + " ms before the token expired");
        }
        publish(key, after); // while the client holds no stream
        try (SseClient stale = SseClient.open(base() + "/api/alarms/stream?access_token=" + shortToken, Map.of())) {
            assertEquals(401, stale.status(), "the expired token must not open a new stream");
        }
        // What the console does: a fresh token and the last event id it saw; the missed event is replayed.
        try (SseClient resumed = openUrl("/api/alarms/stream", "ops", Map.of("Last-Event-ID", lastId))) {
            assertEquals(List.of(after.alarmId()), alarmsUntil(resumed, after, before, after));
        }
    }

    @Test
    void shouldCountClientsAndSentEventsWhenStreaming() throws Exception {
        try (SseClient client = open("ops", Map.of(), false)) {
            publish("metrics-" + UUID.randomUUID(), alarm(CHEM, "巴南区", AlarmEvent.Change.RAISED));
            assertNotNull(client.await(f -> f.data() != null, WAIT));
            String metrics = given().when().get(this.metrics).then().statusCode(200).extract().asString();
            assertTrue(metrics.lines().anyMatch(l -> l.startsWith("safetyhub_gateway_alarm_stream_clients") && !l.endsWith(" 0.0")),
                    "no connected client counted");
            assertTrue(metrics.contains("safetyhub_gateway_alarm_stream_events_total{kind=\"live\"}"), "no live event count");
        }
    }

    private static SseClient open(String user, Map<String, String> headers, boolean tokenInQuery) throws Exception {
        if (tokenInQuery) {
            SseClient client = SseClient.open(base() + "/api/alarms/stream?access_token=" + TestInfra.shared().token(user), headers);
            return connected(client);
        }
        return openUrl("/api/alarms/stream", user, headers);
    }

    private static SseClient openUrl(String path, String user, Map<String, String> headers) throws Exception {
        Map<String, String> all = new java.util.HashMap<>(headers);
        all.put("Authorization", "Bearer " + TestInfra.shared().token(user));
        return connected(SseClient.open(base() + path, all));
    }

    private static SseClient connected(SseClient client) throws InterruptedException {
        assertEquals(200, client.status());
        assertTrue(client.header("Content-Type").startsWith("text/event-stream"), client.header("Content-Type"));
        assertNotNull(client.await(f -> "connected".equals(f.comment()), WAIT), "no connected comment");
        return client;
    }

    private static SseClient.Frame frameOf(SseClient client, AlarmEvent event) throws InterruptedException {
        SseClient.Frame frame = client.await(f -> f.data() != null && f.data().contains(event.alarmId()), WAIT);
        assertNotNull(frame, "no frame for " + event.alarmId() + " in " + client.seen());
        return frame;
    }

    /**
     * The alarm ids of this test's events among the data frames received up to and including
     * {@code last}: other tests' events may legitimately appear (a replay includes other partitions'
     * events within the skew), so only this test's are compared.
     */
    private static List<String> alarmsUntil(SseClient client, AlarmEvent last, AlarmEvent... ofThisTest)
            throws InterruptedException {
        frameOf(client, last);
        java.util.Set<String> ours = java.util.Arrays.stream(ofThisTest).map(AlarmEvent::alarmId)
                .collect(java.util.stream.Collectors.toSet());
        return client.seen().stream().filter(f -> f.data() != null && f.id() != null)
                .map(f -> f.data().replaceAll(".*\"alarmId\":\"([^\"]+)\".*", "$1"))
                .filter(ours::contains)
                .toList();
    }

    private static void publish(String key, AlarmEvent... events) throws Exception {
        for (AlarmEvent event : events) {
            producer.send(new ProducerRecord<>(Topics.ALARMS, key, event)).get();
        }
    }

    private static AlarmEvent alarm(String enterpriseId, String district, AlarmEvent.Change change) {
        Instant now = Instant.now();
        return new AlarmEvent(UUID.randomUUID(), now, "gateway-test", "test-" + UUID.randomUUID(), change,
                AlarmEvent.Kind.THRESHOLD, AlarmLevel.values()[0], AlarmEvent.Status.ACTIVE, enterpriseId, district,
                "dev-1", "gas", "rule-1", "gas_lel", 55.0, "%LEL", 50.0, now, "gas over threshold");
    }

    private static String base() {
        return "http://localhost:" + RestAssured.port;
    }
}
