package io.safetyhub.adapter.status;

import io.quarkus.scheduler.Scheduled;
import io.safetyhub.adapter.config.AdapterConfig;
import io.safetyhub.adapter.connection.ConnectionRecord;
import io.safetyhub.adapter.connection.ConnectionRepository;
import io.safetyhub.adapter.connection.Replica;
import io.safetyhub.adapter.device.Device;
import io.safetyhub.adapter.device.DeviceRegistry;
import io.safetyhub.adapter.device.EndpointShard;
import io.safetyhub.adapter.device.Protocol;
import io.safetyhub.adapter.device.RegistryChange;
import io.safetyhub.adapter.messaging.EventPublisher;
import io.safetyhub.events.DeviceStatus;
import jakarta.inject.Singleton;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Notices registered devices that stopped publishing: nothing for more than {@code adapter.silence.intervals} times
 * a device's publishing interval (domain.md: 3 × 30 s by default) makes it offline with cause SILENT, once. The
 * first data after that makes it online again (cause SILENT: the silence ended); so does the first data after each new
 * MQTT connection, since another replica may have reported the device offline meanwhile. A device nothing has come
 * from since the adapter started is timed from the start. State is in memory: after a restart every clock starts anew.
 * <p>
 * With several replicas an MQTT device sends to one of them only: before reporting a device silent that it does not
 * hold, a replica reads the shared connection record, and leaves the device alone while another replica holds it.
 */
// Singleton, not application-scoped: called for every message, and a client proxy looked its instance up on each
// call (2.4 % of device-adapter's CPU at 10,000 readings/s, bench/results/README.md).
@Singleton
public class SilenceWatch {
    private static final Logger LOG = Logger.getLogger(SilenceWatch.class);

    private final DeviceRegistry registry;
    private final EventPublisher publisher;
    private final ConnectionRepository connections;
    private final LocalConnections local;
    private final Replica replica;
    private final Clock clock;
    private final String source;
    private final int intervals;
    private final EndpointShard shard;
    private final Instant started;
    private final boolean mqttHere;
    private final boolean opcUaHere;
    private final Map<String, Instant> lastSeen = new ConcurrentHashMap<>();
    private final Map<String, Boolean> offline = new ConcurrentHashMap<>();
    /** Connected here since the last data: their first data reports them online, whatever other replicas said. */
    private final Set<String> unconfirmed = ConcurrentHashMap.newKeySet();

    public SilenceWatch(DeviceRegistry registry, EventPublisher publisher, ConnectionRepository connections,
                        LocalConnections local, Replica replica, Clock clock, AdapterConfig config) {
        this.registry = registry;
        this.publisher = publisher;
        this.connections = connections;
        this.local = local;
        this.replica = replica;
        this.clock = clock;
        this.source = config.source();
        this.intervals = config.silence().intervals();
        this.shard = new EndpointShard(config.opcUa().shardCount(), config.opcUa().shardIndex());
        this.started = clock.instant();
        this.mqttHere = config.mqtt().enabled();
        this.opcUaHere = config.opcUa().enabled();
    }

    /** Data arrived from the device (telemetry, a device event or a value change). */
    public void seen(Device device, Instant at) {
        lastSeen.merge(device.id(), at, (a, b) -> a.isAfter(b) ? a : b);
        boolean wasOffline = offline.remove(device.id()) != null;
        if (unconfirmed.remove(device.id()) | wasOffline) {
            LOG.debugf("device %s publishes (again)", device.id());
            publish(device, true, at);
        }
    }

    /** The device connected to this replica: timed from now, and its first data reports it online. */
    public void connected(Device device) {
        lastSeen.put(device.id(), clock.instant());
        unconfirmed.add(device.id());
    }

    /** The device (or its last will) said whether it is online; a reported offline is not reported again as silent. */
    public void statusReported(String deviceId, boolean online) {
        if (online) {
            offline.remove(deviceId);
            unconfirmed.remove(deviceId);
            lastSeen.put(deviceId, clock.instant());
        } else {
            offline.put(deviceId, Boolean.TRUE);
        }
    }

    void registryChanged(@Observes RegistryChange change) {
        if (change.after() == null) {
            lastSeen.remove(change.before().id());
            offline.remove(change.before().id());
            unconfirmed.remove(change.before().id());
        } else if (change.before() == null) {
            // A device registered now is timed from now, not from the adapter's start.
            lastSeen.putIfAbsent(change.after().id(), clock.instant());
        }
    }

    @Scheduled(every = "${adapter.silence.check-every:5s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void check() {
        Instant now = clock.instant();
        List<Device> due = new ArrayList<>();
        for (Device device : registry.all()) {
            if (!device.enabled()) {
                continue; // out of service: its silence is expected
            }
            if (device.protocol() == Protocol.MQTT ? !mqttHere : !opcUaHere) {
                continue; // the protocol is served by another workload, which times it
            }
            if (device.protocol() == Protocol.OPC_UA && device.opcUaEndpoint() != null
                    && !shard.owns(device.opcUaEndpoint())) {
                continue; // another replica's session hears it, and times it
            }
            Instant since = lastSeen.getOrDefault(device.id(), started);
            Duration allowed = Duration.ofSeconds((long) device.publishingIntervalSeconds() * intervals);
            if (Duration.between(since, now).compareTo(allowed) > 0 && !offline.containsKey(device.id())) {
                due.add(device);
            }
        }
        if (due.isEmpty()) {
            return;
        }
        Map<String, ConnectionRecord> elsewhere = heldElsewhere(due);
        if (elsewhere == null) {
            return; // the records could not be read: decide at the next check
        }
        for (Device device : due) {
            if (elsewhere.containsKey(device.id())) {
                lastSeen.put(device.id(), now); // look again after another allowed span
            } else if (offline.putIfAbsent(device.id(), Boolean.TRUE) == null) {
                Instant seen = lastSeen.get(device.id());
                LOG.infof("device %s silent since %s: offline", device.id(), seen != null ? seen : started);
                publish(device, false, seen);
            }
        }
    }

    /** Due MQTT devices another replica holds a connection for; null when the records cannot be read. */
    private Map<String, ConnectionRecord> heldElsewhere(List<Device> due) {
        List<String> ids = due.stream().filter(d -> d.protocol() == Protocol.MQTT && !local.holds(d.id()))
                .map(Device::id).toList();
        if (ids.isEmpty()) {
            return Map.of();
        }
        try {
            Map<String, ConnectionRecord> held = new ConcurrentHashMap<>();
            connections.findAll(ids).forEach((id, record) -> {
                if (record.connected() && !record.replica().equals(replica.id())) {
                    held.put(id, record);
                }
            });
            return held;
        } catch (RuntimeException e) {
            LOG.warnf("connection records not readable (%s); silence of %d devices decided later", e.getMessage(),
                    ids.size());
            return null;
        }
    }

    private void publish(Device device, boolean online, Instant lastSeenAt) {
        publisher.publish(new DeviceStatus(UUID.randomUUID(), clock.instant(), source, device.id(),
                device.enterpriseId(), device.kind().topicName(), online, DeviceStatus.Cause.SILENT, lastSeenAt));
    }
}
