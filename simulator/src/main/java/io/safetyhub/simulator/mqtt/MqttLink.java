package io.safetyhub.simulator.mqtt;

import org.eclipse.paho.mqttv5.client.IMqttToken;
import org.eclipse.paho.mqttv5.client.MqttActionListener;
import org.eclipse.paho.mqttv5.client.MqttAsyncClient;
import org.eclipse.paho.mqttv5.client.MqttCallback;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.MqttDisconnectResponse;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.eclipse.paho.mqttv5.common.packet.MqttProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/**
 * One MQTT v5 connection that publishes at QoS 1; a publish completes when the broker's PUBACK arrives. A simulated
 * device owns one (with its last will); a load generator can share one among many devices' topics.
 */
public final class MqttLink implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(MqttLink.class);
    public static final int QOS = 1;

    private final MqttAsyncClient client;
    private final String url;
    private final Duration timeout;

    private MqttLink(MqttAsyncClient client, String url, Duration timeout) {
        this.client = client;
        this.url = url;
        this.timeout = timeout;
    }

    /**
     * Connects, waiting at most {@code timeout}; after that Paho reconnects by itself and {@code onConnected} runs
     * again (with the first connect too) so that a device can restate that it is online.
     *
     * @param willTopic where the broker publishes {@code willPayload}, retained, if the link drops uncleanly; or null
     */
    public static MqttLink connect(String url, String clientId, String willTopic, byte[] willPayload,
                                   Consumer<MqttLink> onConnected, Duration timeout) throws MqttException {
        // Memory persistence: a simulator has nothing worth keeping across restarts, and no files appear in the cwd.
        MqttAsyncClient client = new MqttAsyncClient(url, clientId, new MemoryPersistence());
        MqttLink link = new MqttLink(client, url, timeout);
        client.setCallback(link.new Callback(clientId, onConnected));
        MqttConnectionOptions options = new MqttConnectionOptions();
        options.setCleanStart(true);
        options.setSessionExpiryInterval(0L);
        options.setAutomaticReconnect(true);
        options.setAutomaticReconnectDelay(1, 30);
        options.setKeepAliveInterval(30);
        options.setConnectionTimeout((int) Math.max(1, timeout.toSeconds()));
        if (willTopic != null) {
            options.setWill(willTopic, message(willPayload, true));
        }
        try {
            client.connect(options).waitForCompletion(timeout.toMillis());
        } catch (MqttException e) {
            client.close(true);
            throw e;
        }
        return link;
    }

    public CompletableFuture<Void> publish(String topic, byte[] payload, boolean retained) {
        CompletableFuture<Void> acked = new CompletableFuture<>();
        try {
            client.publish(topic, message(payload, retained), null, new MqttActionListener() {
                @Override
                public void onSuccess(IMqttToken token) {
                    acked.complete(null);
                }

                @Override
                public void onFailure(IMqttToken token, Throwable failure) {
                    acked.completeExceptionally(failure);
                }
            });
        } catch (MqttException e) {
            acked.completeExceptionally(e);
        }
        return acked;
    }

    public String url() {
        return url;
    }

    /**
     * Drops the connection the way a device losing power does: the socket closes without a DISCONNECT packet, so the
     * broker publishes the last will; no reconnect follows.
     */
    public void drop() {
        try {
            client.disconnectForcibly(0, 0, false);
        } catch (MqttException e) {
            LOG.debug("forcible disconnect from {}: {}", url, e.getMessage());
        }
        try {
            client.close(true);
        } catch (MqttException e) {
            LOG.debug("close: {}", e.getMessage());
        }
    }

    /** A clean disconnect: the broker discards the last will. */
    @Override
    public void close() {
        try {
            if (client.isConnected()) {
                client.disconnect(timeout.toMillis()).waitForCompletion(timeout.toMillis());
            }
        } catch (MqttException e) {
            LOG.debug("disconnect from {}: {}", url, e.getMessage());
        }
        try {
            client.close(true);
        } catch (MqttException e) {
            LOG.debug("close: {}", e.getMessage());
        }
    }

    private static MqttMessage message(byte[] payload, boolean retained) {
        MqttMessage message = new MqttMessage(payload);
        message.setQos(QOS);
        message.setRetained(retained);
        return message;
    }

    /** Runs on Paho's callback thread: must not block. */
    private final class Callback implements MqttCallback {
        private final String clientId;
        private final Consumer<MqttLink> onConnected;

        Callback(String clientId, Consumer<MqttLink> onConnected) {
            this.clientId = clientId;
            this.onConnected = onConnected;
        }

        @Override
        public void connectComplete(boolean reconnect, String serverUri) {
            if (reconnect) {
                LOG.info("{} reconnected to {}", clientId, serverUri);
            }
            onConnected.accept(MqttLink.this);
        }

        @Override
        public void disconnected(MqttDisconnectResponse response) {
            LOG.warn("{} lost its connection to {} ({}); reconnecting", clientId, url,
                    response.getException() != null ? response.getException().getMessage() : response.getReasonString());
        }

        @Override
        public void mqttErrorOccurred(MqttException exception) {
            LOG.warn("{}: MQTT error {}", clientId, exception.getMessage());
        }

        @Override
        public void messageArrived(String topic, MqttMessage message) {
            // Devices subscribe to nothing.
        }

        @Override
        public void deliveryComplete(IMqttToken token) {
            // Completion is reported through each publish's own listener.
        }

        @Override
        public void authPacketArrived(int reasonCode, MqttProperties properties) {
            // No enhanced authentication.
        }
    }
}
