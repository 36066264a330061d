package io.safetyhub.adapter.status;

import io.quarkus.scheduler.Scheduled;
import io.safetyhub.adapter.config.AdapterConfig;
import io.safetyhub.adapter.device.Device;
import io.safetyhub.adapter.device.DeviceRegistry;
import io.safetyhub.adapter.device.EndpointShard;
import io.safetyhub.adapter.device.Protocol;
import io.safetyhub.adapter.device.RegistryChange;
import io.safetyhub.adapter.messaging.EventPublisher;
import io.safetyhub.events.DeviceStatus;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Notices registered devices that stopped publishing: nothing for more than {@code adapter.silence.intervals} times
 * a device's publishing interval (domain.md: 3 × 30 s by default) makes it offline with cause SILENT, once. The
 * first data after that makes it online again (cause SILENT: the silence ended). A device nothing has come from
 * since the adapter started is timed from the start. State is in memory: after a restart every clock starts anew.
 */
@ApplicationScoped
public class SilenceWatch {
    private static final Logger LOG = Logger.getLogger(SilenceWatch.class);

    private final DeviceRegistry registry;
    private final EventPublisher publisher;
    private final Clock clock;
    private final String source;
    private final int intervals;
    private final EndpointShard shard;
    private final Instant started;
    private final Map<String, Instant> lastSeen = new ConcurrentHashMap<>();
    private final Map<String, Boolean> offline = new ConcurrentHashMap<>();

    public SilenceWatch(DeviceRegistry registry, EventPublisher publisher, Clock clock, AdapterConfig config) {
        this.registry = registry;
        this.publisher = publisher;
        this.clock = clock;
        this.source = config.source();
        this.intervals = config.silence().intervals();
        this.shard = new EndpointShard(config.opcUa().shardCount(), config.opcUa().shardIndex());
        this.started = clock.instant();
    }

    /** Data arrived from the device (telemetry or a value change). */
    public void seen(Device device, Instant at) {
        lastSeen.merge(device.id(), at, (a, b) -> a.isAfter(b) ? a : b);
        if (offline.remove(device.id()) != null) {
            LOG.infof("device %s publishes again", device.id());
            publish(device, true, at);
        }
    }

    /** The device (or its last will) said whether it is online; a reported offline is not reported again as silent. */
    public void statusReported(String deviceId, boolean online) {
        if (online) {
            offline.remove(deviceId);
            lastSeen.put(deviceId, clock.instant());
        } else {
            offline.put(deviceId, Boolean.TRUE);
        }
    }

    void registryChanged(@Observes RegistryChange change) {
        if (change.after() == null) {
            lastSeen.remove(change.before().id());
            offline.remove(change.before().id());
        } else if (change.before() == null) {
            // A device registered now is timed from now, not from the adapter's start.
            lastSeen.putIfAbsent(change.after().id(), clock.instant());
        }
    }

    @Scheduled(every = "${adapter.silence.check-every:5s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void check() {
        Instant now = clock.instant();
        for (Device device : registry.all()) {
            if (!device.enabled()) {
                continue; // out of service: its silence is expected
            }
            if (device.protocol() == Protocol.OPC_UA && device.opcUaEndpoint() != null
                    && !shard.owns(device.opcUaEndpoint())) {
                continue; // another replica's session hears it, and times it
            }
            Instant seen = lastSeen.get(device.id());
            Instant since = seen != null ? seen : started;
            Duration allowed = Duration.ofSeconds((long) device.publishingIntervalSeconds() * intervals);
            if (Duration.between(since, now).compareTo(allowed) > 0 && offline.putIfAbsent(device.id(), Boolean.TRUE) == null) {
                LOG.infof("device %s silent since %s (allowed %s): offline", device.id(), since, allowed);
                publish(device, false, seen);
            }
        }
    }

    private void publish(Device device, boolean online, Instant lastSeenAt) {
        publisher.publish(new DeviceStatus(UUID.randomUUID(), clock.instant(), source, device.id(),
                device.enterpriseId(), device.kind().topicName(), online, DeviceStatus.Cause.SILENT, lastSeenAt));
    }
}
