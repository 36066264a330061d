package io.safetyhub.simulator.mqtt;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/**
 * Where devices connect and how: the URL ({@code tcp://} or {@code ssl://}), each device's login, the CA a TLS
 * endpoint is trusted by, and what a device keeps while its QoS 1 messages are not acknowledged.
 *
 * @param stateDir      where Paho keeps unacknowledged and offline-buffered messages on disk
 *                      ({@code MqttDefaultFilePersistence}); empty keeps them in memory (the load generator: a
 *                      file per message would cost more than the pipeline it measures)
 * @param sessionExpiry how long the endpoint may keep the session after the connection drops (clean start off)
 * @param offlineBuffer messages a device buffers while disconnected, sent in order after it reconnects
 */
public record MqttEndpoint(String url, DeviceCredentials credentials, Optional<Path> tlsCa, Optional<Path> stateDir,
                           Duration sessionExpiry, int offlineBuffer) {

    public static final Duration DEFAULT_SESSION_EXPIRY = Duration.ofHours(1);
    public static final int DEFAULT_OFFLINE_BUFFER = 10_000;

    /** Anonymous, plain TCP, state in memory: what tests and today's devstack broker need. */
    public static MqttEndpoint anonymous(String url) {
        return new MqttEndpoint(url, DeviceCredentials.none(), Optional.empty(), Optional.empty(),
                DEFAULT_SESSION_EXPIRY, DEFAULT_OFFLINE_BUFFER);
    }

    public MqttEndpoint withStateDir(Optional<Path> dir) {
        return new MqttEndpoint(url, credentials, tlsCa, dir, sessionExpiry, offlineBuffer);
    }

    public MqttEndpoint withCredentials(DeviceCredentials login) {
        return new MqttEndpoint(url, login, tlsCa, stateDir, sessionExpiry, offlineBuffer);
    }

    public boolean tls() {
        return url.startsWith("ssl://");
    }
}
