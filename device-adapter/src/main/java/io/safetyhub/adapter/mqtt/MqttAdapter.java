package io.safetyhub.adapter.mqtt;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.safetyhub.adapter.config.AdapterConfig;
import io.safetyhub.adapter.protocol.ProtocolAdapter;
import io.safetyhub.adapter.telemetry.DeviceMessageHandler;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheckResponse;
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
import org.jboss.logging.Logger;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The MQTT side of the adapter: one Paho v5 client with a stable id and a persistent session, subscribed at QoS 1
 * to the devices' telemetry and status topics. Acknowledgements are manual: a message is acknowledged to the broker
 * only once every record made from it is stored (acknowledged by Kafka, or fsynced in the adapter's spool), in the
 * order the messages arrived ({@link AckSequencer}), so a crash or a Kafka outage loses nothing.
 * Paho reconnects by itself once a connection has existed; the first connection is retried here with back-off.
 */
@ApplicationScoped
public class MqttAdapter implements ProtocolAdapter {
    private static final Logger LOG = Logger.getLogger(MqttAdapter.class);

    private final AdapterConfig.Mqtt config;
    private final DeviceMessageHandler handler;
    private final MqttLinkState link;
    private final Subscriptions subscriptions;
    /** Bumped on every connect and loss: an acknowledgement is only valid on the connection that delivered it. */
    private final AtomicLong connection = new AtomicLong();
    private final AckSequencer acks = new AckSequencer(this::acknowledge);
    private volatile MqttAsyncClient client;
    private volatile ScheduledExecutorService firstConnectRetries;
    private volatile boolean stopping;

    public MqttAdapter(AdapterConfig config, DeviceMessageHandler handler, MeterRegistry registry) {
        this.config = config.mqtt();
        this.handler = handler;
        this.link = new MqttLinkState(this.config.url());
        this.subscriptions = new Subscriptions(this.config);
        Gauge.builder("safetyhub.adapter.mqtt.connected", this, adapter -> adapter.receiving() ? 1 : 0)
                .description("1 while the MQTT session is connected and subscribed")
                .register(registry);
    }

    @Override
    public String name() {
        return "mqtt";
    }

    @Override
    public synchronized void start() {
        if (client != null) {
            return;
        }
        stopping = false;
        try {
            // Memory persistence: the adapter only receives, and the broker's session is what must survive a restart.
            client = new MqttAsyncClient(config.url(), config.clientId(), new MemoryPersistence());
        } catch (MqttException e) {
            throw new IllegalStateException("cannot create an MQTT client for " + config.url() + ": " + e.getMessage(), e);
        }
        client.setManualAcks(true);
        client.setCallback(new Callback());
        firstConnectRetries = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "mqtt-first-connect");
            thread.setDaemon(true);
            return thread;
        });
        link.connecting();
        firstConnect(1);
    }

    @Override
    public synchronized void stop() {
        MqttAsyncClient closing = client;
        if (closing == null) {
            return;
        }
        stopping = true;
        firstConnectRetries.shutdownNow();
        try {
            if (closing.isConnected()) {
                closing.disconnect(2_000).waitForCompletion(5_000);
            }
        } catch (MqttException e) {
            LOG.debugf("MQTT disconnect from %s: %s", config.url(), e.getMessage());
        }
        try {
            closing.close(true);
        } catch (MqttException e) {
            LOG.debugf("MQTT close: %s", e.getMessage());
        }
        client = null;
        subscriptions.reset();
        link.stopped();
    }

    /** True while connected and subscribed. */
    public boolean receiving() {
        MqttAsyncClient current = client;
        return current != null && current.isConnected() && subscriptions.active();
    }

    /** Up while connected and subscribed, with the broker URL and the link state. */
    @Override
    public HealthCheckResponse health() {
        return HealthCheckResponse.named(name()).status(receiving())
                .withData("broker", link.url())
                .withData("state", link.state().name())
                .build();
    }

    private void firstConnect(int attempt) {
        MqttAsyncClient current = client;
        if (stopping || current == null) {
            return;
        }
        try {
            current.connect(options(), null, new MqttActionListener() {
                @Override
                public void onSuccess(IMqttToken token) {
                    // connectComplete subscribes; Paho handles every later reconnect.
                }

                @Override
                public void onFailure(IMqttToken token, Throwable failure) {
                    retryFirstConnect(attempt, failure);
                }
            });
        } catch (MqttException e) {
            retryFirstConnect(attempt, e);
        }
    }

    private void retryFirstConnect(int attempt, Throwable failure) {
        if (stopping) {
            return;
        }
        long min = config.reconnectMinDelay().toMillis();
        long delay = Math.min(config.reconnectMaxDelay().toMillis(), min << Math.min(attempt - 1, 20));
        link.unreachable(failure, config.reconnectMaxDelay());
        try {
            firstConnectRetries.schedule(() -> firstConnect(attempt + 1), delay, TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException shuttingDown) {
            LOG.debug("first-connect retry dropped: the adapter is stopping");
        }
    }

    private MqttConnectionOptions options() {
        MqttConnectionOptions options = new MqttConnectionOptions();
        options.setCleanStart(false);
        options.setSessionExpiryInterval(config.sessionExpiry().toSeconds());
        options.setAutomaticReconnect(true);
        options.setAutomaticReconnectDelay(seconds(config.reconnectMinDelay().toSeconds()),
                seconds(config.reconnectMaxDelay().toSeconds()));
        options.setKeepAliveInterval(seconds(config.keepAlive().toSeconds()));
        options.setConnectionTimeout(seconds(config.connectTimeout().toSeconds()));
        options.setReceiveMaximum(config.receiveMaximum());
        config.username().ifPresent(options::setUserName);
        config.password().ifPresent(password -> options.setPassword(password.getBytes(StandardCharsets.UTF_8)));
        return options;
    }

    private static int seconds(long seconds) {
        return (int) Math.max(1, Math.min(Integer.MAX_VALUE, seconds));
    }

    private void acknowledge(long deliveredOn, int messageId, int qos) {
        MqttAsyncClient current = client;
        // A message delivered on an earlier connection is redelivered by the broker on the current one; acking its
        // old packet id now could acknowledge an unrelated message that reuses the id.
        if (qos == 0 || current == null || connection.get() != deliveredOn) {
            return;
        }
        try {
            current.messageArrivedComplete(messageId, qos);
        } catch (MqttException e) {
            LOG.debugf("MQTT acknowledgement of message %d not sent (%s); the broker will redeliver it",
                    messageId, e.getMessage());
        }
    }

    /** Paho's callbacks; they run on Paho's single callback thread, which must never block or throw. */
    private final class Callback implements MqttCallback {

        @Override
        public void connectComplete(boolean reconnect, String serverUri) {
            connection.incrementAndGet();
            acks.reset();
            firstConnectRetries.shutdown(); // Paho's automatic reconnect takes over from here.
            link.connected(reconnect);
            MqttAsyncClient current = client;
            if (current != null) {
                subscriptions.subscribe(current);
            }
        }

        @Override
        public void disconnected(MqttDisconnectResponse response) {
            connection.incrementAndGet();
            acks.reset();
            subscriptions.reset();
            if (!stopping) {
                link.lost(response.getException() != null ? response.getException().getMessage()
                        : "broker sent DISCONNECT, reason code " + response.getReturnCode()
                        + (response.getReasonString() == null ? "" : " " + response.getReasonString()));
            }
        }

        @Override
        public void mqttErrorOccurred(MqttException exception) {
            LOG.warnf("MQTT protocol error with %s: %s", config.url(), exception.getMessage());
        }

        @Override
        public void deliveryComplete(IMqttToken token) {
            // The adapter publishes nothing.
        }

        @Override
        public void authPacketArrived(int reasonCode, MqttProperties properties) {
            // No enhanced authentication is configured.
        }

        @Override
        public void messageArrived(String topic, MqttMessage message) {
            long deliveredOn = connection.get();
            int messageId = message.getId();
            int qos = message.getQos();
            CompletableFuture<Void> published;
            try {
                published = handler.handle(topic, message.getPayload(), Instant.now());
            } catch (RuntimeException bug) {
                // Left unacknowledged: the broker redelivers it after the next reconnect.
                LOG.errorf(bug, "cannot handle MQTT message %d on %s", messageId, topic);
                return;
            }
            if (qos > 0) {
                acks.arrived(deliveredOn, messageId, qos, published);
            }
        }
    }
}
