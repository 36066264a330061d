package io.safetyhub.simulator.mqtt;

import org.eclipse.paho.mqttv5.client.IMqttToken;
import org.eclipse.paho.mqttv5.client.MqttActionListener;
import org.eclipse.paho.mqttv5.client.MqttAsyncClient;
import org.eclipse.paho.mqttv5.client.MqttCallback;
import org.eclipse.paho.mqttv5.client.MqttClientException;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.MqttDisconnectResponse;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.eclipse.paho.mqttv5.common.packet.MqttProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/**
 * One MQTT v5 connection that publishes at QoS 1, keeping what a real device keeps: clean start off with a session
 * expiry, automatic reconnect, an offline buffer, and unacknowledged messages in Paho's persistence (on disk when the
 * endpoint names a state directory). After a reconnect Paho sends every unacknowledged message again (DUP) before
 * anything new, whether or not the endpoint kept a session, so a restarted endpoint loses nothing the device sent.
 * A publish completes on the PUBACK; a PUBACK with a failure reason code (e.g. 0x87 not authorized) fails it; a
 * connection lost before the PUBACK leaves it pending until the resent message is acknowledged. How it connects (session,
 * reconnect, buffer, persistence, login, TLS, will) is {@link LinkOptions}; this class is the publish path.
 */
public final class MqttLink implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(MqttLink.class);
    public static final int QOS = 1;

    private final MqttAsyncClient client;
    private final String url;
    private final Duration timeout;
    private volatile int serverReceiveMaximum = 65_535;

    private MqttLink(MqttAsyncClient client, String url, Duration timeout) {
        this.client = client;
        this.url = url;
        this.timeout = timeout;
    }

    /**
     * Connects, waiting at most {@code timeout}; after that Paho reconnects by itself and {@code onConnected} runs
     * again (with the first connect too) so that a device can restate that it is online.
     *
     * @param login     user name and password of the CONNECT, or empty for anonymous
     * @param willTopic where the endpoint publishes {@code willPayload}, retained, if the link drops uncleanly; or null
     */
    public static MqttLink connect(MqttEndpoint endpoint, String clientId, Optional<DeviceCredentials.Login> login,
                                   String willTopic, byte[] willPayload, Consumer<MqttLink> onConnected,
                                   Duration timeout) throws MqttException {
        MqttAsyncClient client = new MqttAsyncClient(endpoint.url(), clientId, LinkOptions.persistence(endpoint));
        MqttLink link = new MqttLink(client, endpoint.url(), timeout);
        client.setCallback(link.new Callback(clientId, onConnected));
        client.setBufferOpts(LinkOptions.buffer(endpoint.offlineBuffer()));
        MqttConnectionOptions options = LinkOptions.connection(endpoint, login, willTopic, willPayload, timeout);
        try {
            IMqttToken connected = client.connect(options);
            connected.waitForCompletion(timeout.toMillis());
            Integer max = connected.getResponseProperties() == null ? null
                    : connected.getResponseProperties().getReceiveMaximum();
            link.serverReceiveMaximum = max == null ? 65_535 : max;
        } catch (MqttException e) {
            client.close(true);
            throw e;
        }
        return link;
    }

    /** The endpoint's Receive Maximum from the CONNACK: how many QoS 1 publishes may await a PUBACK at once. */
    public int serverReceiveMaximum() {
        return serverReceiveMaximum;
    }

    public CompletableFuture<Void> publish(String topic, byte[] payload, boolean retained) {
        CompletableFuture<Void> acked = new CompletableFuture<>();
        publish(topic, payload, retained, new Outcome() {
            @Override
            public void acknowledged() {
                acked.complete(null);
            }

            @Override
            public void refused(Throwable why) {
                acked.completeExceptionally(why);
            }
        });
        return acked;
    }

    /** What became of one publish; called on Paho's callback thread, so it must not block. */
    public interface Outcome {
        void acknowledged();

        /** The endpoint answered with a failure reason code, or the client could not take the message. */
        void refused(Throwable why);

        /** The connection went before the PUBACK: the client keeps the message and sends it again on reconnect. */
        default void inDoubt(Throwable why) {
        }
    }

    /**
     * Hands the message to Paho; {@code outcome} hears once of acknowledged or refused, and maybe inDoubt first. While
     * the client cannot take it for a moment (between losing its connection and buffering offline, connecting, its
     * window full) this waits and tries again, up to the link's timeout, as a device keeps a reading it could not
     * send yet: the message is neither dropped nor overtaken by a later one.
     */
    public void publish(String topic, byte[] payload, boolean retained, Outcome outcome) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!offer(topic, payload, retained, outcome)) {
            if (System.nanoTime() > deadline) {
                outcome.refused(new MqttException(MqttClientException.REASON_CODE_CLIENT_NOT_CONNECTED));
                return;
            }
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                outcome.refused(e);
                return;
            }
        }
    }

    /**
     * Hands the message to Paho if it can take it now: false (and {@code outcome} not called) when the client is only
     * momentarily unable to, so that the caller tries again; otherwise as {@link #publish(String, byte[], boolean,
     * Outcome)}.
     */
    public boolean offer(String topic, byte[] payload, boolean retained, Outcome outcome) {
        try {
            client.publish(topic, LinkOptions.message(payload, retained), null, new MqttActionListener() {
                @Override
                public void onSuccess(IMqttToken token) {
                    int refusal = refusal(token.getReasonCodes());
                    if (refusal == 0) {
                        outcome.acknowledged();
                    } else {
                        outcome.refused(new MqttException(refusal));
                    }
                }

                @Override
                public void onFailure(IMqttToken token, Throwable failure) {
                    outcome.inDoubt(failure);
                }
            });
            return true;
        } catch (MqttException e) {
            if (momentary(e.getReasonCode())) {
                return false;
            }
            outcome.refused(e);
            return true;
        }
    }

    /** Paho's refusals that pass by themselves: not connected yet or any more, disconnecting, connecting, window full. */
    static boolean momentary(int reasonCode) {
        return reasonCode == MqttClientException.REASON_CODE_CLIENT_NOT_CONNECTED
                || reasonCode == MqttClientException.REASON_CODE_CLIENT_DISCONNECTING
                || reasonCode == MqttClientException.REASON_CODE_CONNECT_IN_PROGRESS
                || reasonCode == MqttClientException.REASON_CODE_MAX_INFLIGHT;
    }

    /** The first failure reason code (0x80 and above) of a PUBACK, or 0 when it acknowledged. */
    static int refusal(int[] reasonCodes) {
        if (reasonCodes != null) {
            for (int code : reasonCodes) {
                if (code >= 0x80) {
                    return code;
                }
            }
        }
        return 0;
    }

    public String url() {
        return url;
    }

    public boolean isConnected() {
        return client.isConnected();
    }

    /**
     * Drops the connection the way a device losing power does: the socket closes without a DISCONNECT packet, so the
     * endpoint publishes the last will; no reconnect follows.
     */
    public void drop() {
        try {
            client.disconnectForcibly(0, 0, false);
        } catch (MqttException e) {
            LOG.debug("forcible disconnect from {}: {}", url, e.getMessage());
        }
        closeClient();
    }

    /**
     * A clean disconnect that also ends the session (expiry 0): the endpoint discards the last will and keeps
     * nothing for a client id that will not come back.
     */
    @Override
    public void close() {
        try {
            if (client.isConnected()) {
                MqttProperties end = new MqttProperties();
                end.setSessionExpiryInterval(0L);
                client.disconnect(timeout.toMillis(), null, null, 0, end).waitForCompletion(timeout.toMillis());
            }
        } catch (MqttException e) {
            LOG.debug("disconnect from {}: {}", url, e.getMessage());
        }
        closeClient();
    }

    private void closeClient() {
        try {
            client.close(true);
        } catch (MqttException e) {
            LOG.debug("close: {}", e.getMessage());
        }
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
                LOG.info("{} reconnected to {}; unacknowledged messages are sent again", clientId, serverUri);
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
