package io.safetyhub.devstack.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import io.safetyhub.devstack.RootDir;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.bson.Document;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Each infrastructure component is really usable through its ordinary client. */
class TestInfraIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static TestInfra infra;

    @BeforeAll
    static void startInfra() {
        infra = TestInfra.shared();
    }

    @Test
    void shouldFindInsertedDocumentWhenUsingTheMongoDriver() {
        try (MongoClient client = MongoClients.create(infra.mongoConnectionString())) {
            MongoCollection<Document> collection = client.getDatabase("launcher-test").getCollection("things");
            String id = UUID.randomUUID().toString();
            collection.insertOne(new Document("_id", id).append("name", "储罐区"));

            Document found = collection.find(new Document("_id", id)).first();

            assertNotNull(found);
            assertEquals("储罐区", found.getString("name"));
        }
    }

    @Test
    void shouldConsumeProducedRecordWhenUsingKafkaClients() {
        String topic = "launcher-test-" + UUID.randomUUID();
        produce(topic, "GA-0001", "{\"gas_lel\":23.5}");

        List<String> values = consumeAll(topic);

        assertEquals(List.of("{\"gas_lel\":23.5}"), values);
    }

    @Test
    void shouldKeepTopicDataWhenKafkaIsRestarted() {
        String topic = "launcher-restart-" + UUID.randomUUID();
        produce(topic, "TC-0001", "before restart");

        infra.restart("kafka");

        assertEquals(List.of("before restart"), consumeAll(topic));
    }

    @Test
    void shouldCarryIssuerRolesAndTenantClaimsWhenDemoUsersLogIn() throws Exception {
        JsonNode chem = payload(infra.token("ent.chem"));
        assertEquals(infra.issuer(), chem.path("iss").asText());
        assertTrue(texts(chem.path("realm_access").path("roles")).contains("enterprise"));
        assertEquals("chem-banan-01", chem.path("enterprise_id").asText());
        assertTrue(texts(chem.path("aud")).contains("safetyhub-services"), "aud: " + chem.path("aud"));

        JsonNode banan = payload(infra.token("reg.banan"));
        assertTrue(texts(banan.path("realm_access").path("roles")).contains("regulator"));
        assertEquals("巴南区", banan.path("district").asText());
        assertFalse(banan.has("enterprise_id"));

        JsonNode city = payload(infra.token("reg.city"));
        assertFalse(city.has("district"), "a city-wide regulator has no district claim");

        assertEquals("build-yubei-01", payload(infra.token("ent.build")).path("enterprise_id").asText());
        assertTrue(texts(payload(infra.token("ops")).path("realm_access").path("roles")).contains("operator"));
        assertTrue(texts(payload(infra.serviceToken()).path("aud")).contains("safetyhub-services"));
    }

    @Test
    void shouldReuseTokenWhenAskedAgainBeforeExpiry() {
        assertEquals(infra.token("ops"), infra.token("ops"));
    }

    @Test
    void shouldReportAlreadyRunningWhenStartingARunningComponent() throws Exception {
        Path pidFile = infra.home().resolve("run").resolve("mongo.pid");
        String before = Files.readString(pidFile);

        infra.startComponent("mongo");

        assertEquals(before, Files.readString(pidFile));
    }

    @Test
    void shouldRecordKeycloakForOtherTestJvmsAndRefuseToStopItWhenItIsShared() {
        int port = URI.create(infra.keycloakUrl()).getPort();
        Path safetyhub = RootDir.find().resolve(".safetyhub");
        boolean recorded = IntStream.range(0, SharedKeycloak.SLOTS)
                .mapToObj(i -> SlotState.read(SharedKeycloak.slot(safetyhub, i).resolve(KeycloakReaper.STATE)))
                .anyMatch(state -> state.map(SlotState::port).orElse(0) == port);
        assertTrue(recorded, "no slot under " + safetyhub + " records the Keycloak on port " + port);

        IllegalStateException refused = assertThrows(IllegalStateException.class, () -> infra.stopComponent("keycloak"));

        assertTrue(refused.getMessage().contains("shared"), refused.getMessage());
    }

    @Test
    void shouldPointQuarkusAtTheSharedInfraWhenTheTestResourceStarts() {
        Map<String, String> config = new RealInfraResource().start();

        String key = config.get("enforcement.reports.encryption-key");
        assertEquals(Map.of(
                "quarkus.mongodb.connection-string", infra.mongoConnectionString(),
                "kafka.bootstrap.servers", infra.kafkaBootstrapServers(),
                "quarkus.oidc.auth-server-url", infra.issuer(),
                "enforcement.reports.encryption-key", key), config);
        // AES-256: 32 random bytes, the same for every test of the JVM.
        assertEquals(32, java.util.Base64.getDecoder().decode(key).length);
        assertEquals(key, new RealInfraResource().start().get("enforcement.reports.encryption-key"));
    }

    private static void produce(String topic, String key, String value) {
        Properties properties = new Properties();
        properties.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, infra.kafkaBootstrapServers());
        properties.put(ProducerConfig.ACKS_CONFIG, "all");
        properties.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        try (KafkaProducer<String, String> producer =
                     new KafkaProducer<>(properties, new StringSerializer(), new StringSerializer())) {
            producer.send(new ProducerRecord<>(topic, key, value)).get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError("could not produce to " + topic, e);
        }
    }

    private static List<String> consumeAll(String topic) {
        Properties properties = new Properties();
        properties.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, infra.kafkaBootstrapServers());
        properties.put(ConsumerConfig.GROUP_ID_CONFIG, "launcher-test-" + UUID.randomUUID());
        properties.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        List<String> values = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer =
                     new KafkaConsumer<>(properties, new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of(topic));
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (values.isEmpty() && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
                    values.add(record.value());
                }
            }
        }
        return values;
    }

    private static JsonNode payload(String jwt) throws Exception {
        String[] parts = jwt.split("\\.");
        return JSON.readTree(Base64.getUrlDecoder().decode(parts[1]));
    }

    private static List<String> texts(JsonNode node) {
        List<String> texts = new ArrayList<>();
        if (node.isArray()) {
            node.forEach(element -> texts.add(element.asText()));
        } else if (node.isTextual()) {
            texts.add(node.asText());
        }
        return texts;
    }
}
