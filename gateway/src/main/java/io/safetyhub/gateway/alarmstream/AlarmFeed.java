package io.safetyhub.gateway.alarmstream;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.safetyhub.events.AlarmEvent;
import io.safetyhub.events.serde.Json;
import io.safetyhub.gateway.config.GatewayConfig;
import io.vertx.mutiny.core.Vertx;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Fans alarm events from {@code alarms.events.v1} out to the connected stream clients, each through its
 * own scope, and keeps the replay ring. Appending and subscribing happen under one lock, so a client
 * that connects while an event arrives gets it exactly once: either in its replay or live.
 */
@ApplicationScoped
public class AlarmFeed {
    private static final Logger LOG = Logger.getLogger(AlarmFeed.class);

    private final AlarmRing ring;
    private final Set<StreamClient> clients = ConcurrentHashMap.newKeySet();
    private final Counter liveSent;
    private final Counter replaySent;
    private final Vertx vertx;
    private final long heartbeatTimer;

    public AlarmFeed(GatewayConfig config, MeterRegistry meters, Vertx vertx) {
        GatewayConfig.AlarmStream settings = config.alarmStream();
        this.ring = new AlarmRing(settings.replaySize(), settings.replayWindow(), settings.partitionSkew());
        this.liveSent = sentCounter(meters, "live");
        this.replaySent = sentCounter(meters, "replay");
        meters.gaugeCollectionSize("safetyhub.gateway.alarm.stream.clients", List.of(), clients);
        this.vertx = vertx;
        this.heartbeatTimer = vertx.setPeriodic(settings.heartbeat().toMillis(), id -> heartbeat());
    }

    @PreDestroy
    void stop() {
        vertx.cancelTimer(heartbeatTimer);
        clients.forEach(StreamClient::close);
    }

    @Incoming("alarm-events")
    public void onRecord(ConsumerRecord<String, AlarmEvent> record) {
        AlarmEvent event = record.value();
        if (event == null) {
            return; // unreadable or a tombstone: the deserializer has logged it
        }
        String json;
        try {
            json = Json.mapper().writeValueAsString(event);
        } catch (JsonProcessingException e) {
            LOG.warnf("alarm event %d-%d could not be written as JSON: %s", record.partition(), record.offset(), e.getMessage());
            return;
        }
        StreamedAlarm alarm = new StreamedAlarm(record.partition(), record.offset(),
                Instant.ofEpochMilli(record.timestamp()), event, json);
        List<StreamClient> receivers;
        synchronized (ring) {
            if (!ring.append(alarm, Instant.now())) {
                return;
            }
            receivers = List.copyOf(clients);
        }
        for (StreamClient client : receivers) {
            if (client.admits(event)) {
                client.send(alarm.frame());
                liveSent.increment();
            }
        }
    }

    /**
     * Registers a client and gives it what it missed since {@code lastEventId} (nothing when null).
     *
     * @return the missed events within the client's scope, or null when the id is outside the window
     */
    List<StreamedAlarm> subscribe(StreamClient client, String lastEventId) {
        synchronized (ring) {
            List<StreamedAlarm> missed = lastEventId == null ? List.of() : ring.after(lastEventId);
            clients.add(client);
            if (missed == null) {
                return null;
            }
            List<StreamedAlarm> visible = missed.stream().filter(a -> client.admits(a.event())).toList();
            replaySent.increment(visible.size());
            return visible;
        }
    }

    void unsubscribe(StreamClient client) {
        clients.remove(client);
    }

    int clientCount() {
        return clients.size();
    }

    private void heartbeat() {
        for (StreamClient client : clients) {
            client.send(": heartbeat\n\n");
        }
    }

    private static Counter sentCounter(MeterRegistry meters, String kind) {
        return Counter.builder("safetyhub.gateway.alarm.stream.events")
                .description("Alarm events written to stream clients, live or as replay after a reconnect")
                .tag("kind", kind)
                .register(meters);
    }
}
