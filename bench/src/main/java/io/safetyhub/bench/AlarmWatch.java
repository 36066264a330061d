package io.safetyhub.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;

import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Listens for the probe devices' RAISED alarm events and notes when each arrived: on the gateway's SSE stream
 * {@code /api/alarms/stream} (what a console sees), or straight from {@code alarms.events.v1}. Counts each alarm id
 * once and every further RAISED of the same id as a duplicate.
 */
public final class AlarmWatch implements AutoCloseable {
    public static final String ALARMS = "alarms.events.v1";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Clock clock;
    private final String devicePrefix;
    private final Map<String, Long> arrivals = new ConcurrentHashMap<>();
    private final Map<String, Long> raisedAt = new ConcurrentHashMap<>();
    private final AtomicLong duplicates = new AtomicLong();
    private final CountDownLatch subscribed = new CountDownLatch(1);
    private volatile boolean running = true;
    private volatile InputStream sseBody;
    private volatile org.eclipse.paho.mqttv5.client.MqttAsyncClient mqtt;
    private Thread worker;
    private String source = "none";

    public AlarmWatch(Clock clock, String devicePrefix) {
        this.clock = clock;
        this.devicePrefix = devicePrefix;
    }

    /**
     * Opens the gateway's stream with the bearer token; true when it answered 200 text/event-stream (then events
     * are read on a thread of their own), false otherwise (no stream there yet, or refused).
     */
    public boolean startSse(String gatewayUrl, String token) {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();
        HttpRequest request = HttpRequest.newBuilder(URI.create(gatewayUrl + "/api/alarms/stream"))
                .header("Authorization", "Bearer " + token).header("Accept", "text/event-stream").build();
        try {
            HttpResponse<InputStream> response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
            String type = response.headers().firstValue("content-type").orElse("");
            if (response.statusCode() != 200 || !type.startsWith("text/event-stream")) {
                response.body().close();
                return false;
            }
            sseBody = response.body();
            source = "gateway SSE " + gatewayUrl + "/api/alarms/stream";
            worker = new Thread(() -> readSse(sseBody), "alarm-watch-sse");
            worker.setDaemon(true);
            worker.start();
            subscribed.countDown();
            return true;
        } catch (java.io.IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private void readSse(InputStream body) {
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8))) {
            String line;
            while (running && (line = lines.readLine()) != null) {
                if (line.startsWith("data:")) {
                    accept(line.substring(5).trim());
                }
            }
        } catch (java.io.IOException closed) {
            // closed by close(), or the gateway went away: the counts say what arrived
        }
    }

    /**
     * Subscribes (QoS 1) to the alarms a peer publishes back over MQTT, e.g. {@code safetyhub/+/+/+/alarm}; their
     * JSON carries the same {@code alarmId}, {@code change}, {@code deviceId} and {@code raisedAt}.
     */
    public void startMqtt(String url, String filter) throws org.eclipse.paho.mqttv5.common.MqttException {
        source = "MQTT " + filter + " at " + url;
        var client = new org.eclipse.paho.mqttv5.client.MqttAsyncClient(url, "bench-alarms-" + ProcessHandle.current().pid(),
                new org.eclipse.paho.mqttv5.client.persist.MemoryPersistence());
        var options = new org.eclipse.paho.mqttv5.client.MqttConnectionOptions();
        options.setCleanStart(true);
        options.setAutomaticReconnect(true);
        options.setMaxReconnectDelay(2_000); // Paho's wait doubles up to this (128 s unless set), shared by its clients
        client.setCallback(new org.eclipse.paho.mqttv5.client.MqttCallback() {
            @Override
            public void disconnected(org.eclipse.paho.mqttv5.client.MqttDisconnectResponse r) {
            }

            @Override
            public void mqttErrorOccurred(org.eclipse.paho.mqttv5.common.MqttException e) {
            }

            @Override
            public void messageArrived(String topic, org.eclipse.paho.mqttv5.common.MqttMessage message) {
                accept(new String(message.getPayload(), StandardCharsets.UTF_8));
            }

            @Override
            public void deliveryComplete(org.eclipse.paho.mqttv5.client.IMqttToken token) {
            }

            @Override
            public void connectComplete(boolean reconnect, String serverUri) {
            }

            @Override
            public void authPacketArrived(int reasonCode, org.eclipse.paho.mqttv5.common.packet.MqttProperties p) {
            }
        });
        client.connect(options).waitForCompletion(10_000);
        client.subscribe(filter, 1).waitForCompletion(10_000);
        mqtt = client;
        subscribed.countDown();
    }

    /** Consumes {@code alarms.events.v1} from its current end (no group: nothing is committed). */
    public void startKafka(String bootstrap) {
        source = "Kafka " + ALARMS + " (not through the gateway)";
        worker = new Thread(() -> consume(bootstrap), "alarm-watch-kafka");
        worker.setDaemon(true);
        worker.start();
        try {
            subscribed.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void consume(String bootstrap) {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        p.put(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, "10");
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(p)) {
            List<TopicPartition> partitions = new ArrayList<>();
            consumer.partitionsFor(ALARMS, Duration.ofSeconds(20))
                    .forEach(info -> partitions.add(new TopicPartition(ALARMS, info.partition())));
            consumer.assign(partitions);
            consumer.seekToEnd(partitions);
            partitions.forEach(consumer::position); // resolve the end now, before the probe starts
            subscribed.countDown();
            while (running) {
                for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(100))) {
                    accept(r.value());
                }
            }
        } catch (RuntimeException e) {
            subscribed.countDown();
            if (running) {
                System.err.println("bench: alarm consumer stopped: " + e);
            }
        }
    }

    /** One event: an AlarmEvent, or the warning service's own {@code {change, audience, alarm}} envelope. */
    void accept(String json) {
        long now = clock.millis();
        try {
            JsonNode root = JSON.readTree(json);
            JsonNode alarm = root.has("alarm") && root.get("alarm").isObject() ? root.get("alarm") : root;
            String change = root.path("change").asText(alarm.path("change").asText(""));
            String id = alarm.has("alarmId") ? alarm.path("alarmId").asText() : alarm.path("id").asText();
            if (!"RAISED".equals(change) || !alarm.path("deviceId").asText("").startsWith(devicePrefix)) {
                return;
            }
            if (arrivals.putIfAbsent(id, now) != null) {
                duplicates.incrementAndGet();
                return;
            }
            raisedAt.put(id, Instant.parse(alarm.path("raisedAt").asText()).toEpochMilli());
        } catch (java.io.IOException | RuntimeException unreadable) {
            // not an alarm event (a comment or keep-alive line)
        }
    }

    public String source() {
        return source;
    }

    /** Arrival minus the raising reading's source time, in ms, of the alarms whose ids are given. */
    public List<Long> latencies(Iterable<String> ids) {
        List<Long> out = new ArrayList<>();
        for (String id : ids) {
            Long arrived = arrivals.get(id);
            Long raised = raisedAt.get(id);
            if (arrived != null && raised != null) {
                out.add(arrived - raised);
            }
        }
        return out;
    }

    public Map<String, Long> arrivals() {
        return Map.copyOf(arrivals);
    }

    public long duplicates() {
        return duplicates.get();
    }

    @Override
    public void close() {
        running = false;
        try {
            if (sseBody != null) {
                sseBody.close();
            }
            if (worker != null) {
                worker.join(3_000);
            }
            if (mqtt != null) {
                mqtt.disconnectForcibly(1_000);
                mqtt.close(true);
            }
        } catch (java.io.IOException | org.eclipse.paho.mqttv5.common.MqttException e) {
            // closing anyway
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
