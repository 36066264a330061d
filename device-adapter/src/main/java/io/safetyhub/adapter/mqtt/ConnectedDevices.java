package io.safetyhub.adapter.mqtt;

import io.quarkus.scheduler.Scheduled;
import io.safetyhub.adapter.connection.ConnectionRecord;
import io.safetyhub.adapter.connection.ConnectionRepository;
import io.safetyhub.adapter.credential.CredentialRepository;
import io.safetyhub.adapter.credential.CredentialsChanged;
import io.safetyhub.adapter.credential.DeviceCredentials;
import io.safetyhub.adapter.device.Device;
import io.safetyhub.adapter.device.RegistryChange;
import io.safetyhub.adapter.status.LocalConnections;
import jakarta.inject.Singleton;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The device connections this replica holds, one per device. Keeps them honest: a registry change that disables,
 * removes or re-binds a device, or a credential change made here, closes its connection at once; every
 * {@code adapter.mqtt.auth.recheck} the credentials and connection records of all held devices are read back, so that a
 * change made through another replica, an expiry, or the device connecting to another replica closes it here too.
 */
// Singleton, not application-scoped: called for every message, and a client proxy looked its instance up on each
// call (2.4 % of device-adapter's CPU at 10,000 readings/s, bench/results/README.md).
@Singleton
public class ConnectedDevices implements LocalConnections {
    private static final Logger LOG = Logger.getLogger(ConnectedDevices.class);

    private final Map<String, DeviceSession> byDevice = new ConcurrentHashMap<>();
    private volatile boolean stopping;
    private final CredentialRepository credentials;
    private final ConnectionRepository connections;
    private final Clock clock;

    public ConnectedDevices(CredentialRepository credentials, ConnectionRepository connections, Clock clock) {
        this.credentials = credentials;
        this.connections = connections;
        this.clock = clock;
    }

    /** Registers a new connection; returns the one it replaces, if any. */
    DeviceSession put(DeviceSession session) {
        return byDevice.put(session.device().id(), session);
    }

    void remove(DeviceSession session) {
        byDevice.remove(session.device().id(), session);
    }

    public int count() {
        return byDevice.size();
    }

    /** The event-loop threads serving these devices' connections. */
    java.util.Set<String> eventLoopsOf(java.util.Collection<String> deviceIds) {
        return deviceIds.stream().map(byDevice::get).filter(java.util.Objects::nonNull).map(DeviceSession::eventLoop)
                .collect(java.util.stream.Collectors.toSet());
    }

    @Override
    public boolean holds(String deviceId) {
        return byDevice.containsKey(deviceId);
    }

    /** Closes every connection for a shutdown: no last wills, the devices reconnect elsewhere. */
    void shutdown() {
        stopping = true;
        byDevice.values().forEach(DeviceSession::shuttingDown);
    }

    /** The listeners serve again (after a stop in the same process). */
    void resume() {
        stopping = false;
    }

    /** True between {@link #shutdown()} and {@link #resume()}: a connection closing now leaves no last will. */
    boolean stopping() {
        return stopping;
    }

    void credentialsChanged(@Observes CredentialsChanged change) {
        DeviceSession session = byDevice.get(change.deviceId());
        if (session != null) {
            session.revoked("its credentials changed");
        }
    }

    void registryChanged(@Observes RegistryChange change) {
        Device before = change.before();
        if (before == null) {
            return;
        }
        DeviceSession session = byDevice.get(before.id());
        Device after = change.after();
        if (session == null) {
            return;
        }
        if (after == null) {
            session.revoked("it was removed from the registry");
        } else if (!after.enabled()) {
            session.revoked("it was disabled");
        } else if (!Objects.equals(TopicPolicy.subtree(before), after.mqttDeviceId() == null ? null
                : TopicPolicy.subtree(after))) {
            session.revoked("its enterprise, kind or MQTT id changed");
        }
    }

    @Scheduled(every = "${adapter.mqtt.auth.recheck:30s}", delayed = "${adapter.mqtt.auth.recheck:30s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void recheck() {
        List<DeviceSession> held = List.copyOf(byDevice.values());
        if (held.isEmpty()) {
            return;
        }
        List<String> ids = held.stream().map(s -> s.device().id()).toList();
        Map<String, DeviceCredentials> current;
        Map<String, ConnectionRecord> records;
        try {
            current = credentials.findAll(ids);
            records = connections.findAll(ids);
        } catch (RuntimeException e) {
            LOG.warnf("credentials of %d connected devices not re-checked (%s); next try in a moment", ids.size(),
                    e.getMessage());
            return;
        }
        Instant now = clock.instant();
        for (DeviceSession session : held) {
            String why = stale(session, current.get(session.device().id()), now);
            ConnectionRecord record = records.get(session.device().id());
            if (why != null) {
                session.revoked(why);
            } else if (record != null && !record.connectionId().equals(session.connectionId())
                    && record.connectedAt().isAfter(session.connectedAt())) {
                LOG.infof("device %s connected to replica %s since; closing its older connection here",
                        session.device().id(), record.replica());
                session.takenOver();
            }
        }
    }

    private static String stale(DeviceSession session, DeviceCredentials credentials, Instant now) {
        if (credentials == null || credentials.version() != session.credentialVersion()) {
            return "its credentials changed";
        }
        boolean expired = switch (session.method()) {
            case PASSWORD -> credentials.password() == null || credentials.password().expiredAt(now);
            case CERTIFICATE -> credentials.certificate() == null || credentials.certificate().expiredAt(now);
        };
        return expired ? "its " + session.method().name().toLowerCase(java.util.Locale.ROOT) + " expired" : null;
    }
}
