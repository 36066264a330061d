package io.safetyhub.simulator.mqtt;

import io.netty.handler.codec.mqtt.MqttProperties;
import io.vertx.core.Vertx;
import io.vertx.mqtt.MqttServer;
import io.vertx.mqtt.MqttServerOptions;
import io.vertx.mqtt.messages.codes.MqttPubAckReasonCode;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * An MQTT 5 endpoint inside the test JVM (Vert.x, as device-adapter's): it acknowledges, swallows (receives without
 * a PUBACK, as an adapter that dies before Kafka has the reading) or refuses (PUBACK 0x87) every publish, and
 * records what arrived (and the last will of a connection that ends without DISCONNECT). Stopping it and starting another on the same port is an adapter restart.
 */
public final class TestEndpoint implements AutoCloseable {
    public enum Mode { ACK, SWALLOW, REFUSE }

    private volatile boolean closed;

    /** One PUBLISH as it arrived. */
    public record Received(String clientId, String username, String topic, String payload, boolean dup) {
    }

    private final Vertx vertx = Vertx.vertx();
    private final MqttServer server;
    private final Set<io.vertx.mqtt.MqttEndpoint> connected = ConcurrentHashMap.newKeySet();
    private final List<Received> received = new ArrayList<>();
    private volatile Mode mode = Mode.ACK;
    private final Set<String> stalled = ConcurrentHashMap.newKeySet();
    private final java.util.concurrent.atomic.AtomicInteger logins = new java.util.concurrent.atomic.AtomicInteger();

    private TestEndpoint(int port, int receiveMaximum, io.vertx.core.net.PfxOptions tls) throws Exception {
        MqttServerOptions options = new MqttServerOptions().setHost("127.0.0.1").setPort(port);
        if (tls != null) {
            options.setSsl(true).setPfxKeyCertOptions(tls);
        }
        server = MqttServer.create(vertx, options);
        server.endpointHandler(endpoint -> {
            MqttProperties properties = new MqttProperties();
            properties.add(new MqttProperties.IntegerProperty(
                    MqttProperties.MqttPropertyType.RECEIVE_MAXIMUM.value(), receiveMaximum));
            String user = endpoint.auth() == null ? null : endpoint.auth().getUsername();
            endpoint.publishAutoAck(false);
            endpoint.publishHandler(message -> {
                synchronized (received) {
                    received.add(new Received(endpoint.clientIdentifier(), user, message.topicName(),
                            message.payload().toString(StandardCharsets.UTF_8), message.isDup()));
                }
                switch (user != null && stalled.contains(user) ? Mode.SWALLOW : mode) {
                    case ACK -> endpoint.publishAcknowledge(message.messageId());
                    case REFUSE -> endpoint.publishAcknowledge(message.messageId(),
                            MqttPubAckReasonCode.NOT_AUTHORIZED, MqttProperties.NO_PROPERTIES);
                    case SWALLOW -> { }
                }
            });
            // A connection that ends without DISCONNECT gets its last will recorded, as a broker would publish it.
            java.util.concurrent.atomic.AtomicBoolean clean = new java.util.concurrent.atomic.AtomicBoolean();
            endpoint.disconnectMessageHandler(disconnect -> clean.set(true));
            endpoint.closeHandler(v -> {
                connected.remove(endpoint);
                if (!clean.get() && endpoint.will() != null && endpoint.will().isWillFlag()) {
                    synchronized (received) {
                        received.add(new Received(endpoint.clientIdentifier(), user, endpoint.will().getWillTopic(),
                                new String(endpoint.will().getWillMessageBytes(), StandardCharsets.UTF_8), false));
                    }
                }
            });
            connected.add(endpoint);
            logins.incrementAndGet();
            endpoint.accept(false, properties);
        });
        server.listen().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    /** On a free port, Receive Maximum 1,000. */
    public static TestEndpoint start() throws Exception {
        return new TestEndpoint(0, 1_000, null);
    }

    public static TestEndpoint start(int port, int receiveMaximum) throws Exception {
        return new TestEndpoint(port, receiveMaximum, null);
    }

    /** TLS on a free port with the key and certificate of a PKCS#12 store. */
    public static TestEndpoint startTls(java.nio.file.Path pfx, String password) throws Exception {
        return new TestEndpoint(0, 1_000, new io.vertx.core.net.PfxOptions().setPath(pfx.toString())
                .setPassword(password));
    }

    public int port() {
        return server.actualPort();
    }

    public String url() {
        return "tcp://127.0.0.1:" + port();
    }

    public void mode(Mode next) {
        mode = next;
    }

    /** The messages of the device logged in as {@code username} are never acknowledged, whatever the mode. */
    public void stall(String username) {
        stalled.add(username);
    }

    public List<Received> received() {
        synchronized (received) {
            return List.copyOf(received);
        }
    }

    /** Connections accepted since the start, whether still open or not. */
    public int logins() {
        return logins.get();
    }

    public int connections() {
        return connected.size();
    }

    /**
     * Closes the way device-adapter stops for a restart or a rolling update: an MQTT 5 DISCONNECT with reason 0x8B
     * (server shutting down) to every connection, then the listener.
     */
    public void shutDown() throws Exception {
        for (io.vertx.mqtt.MqttEndpoint endpoint : connected) {
            if (endpoint.isConnected()) {
                try {
                    endpoint.disconnect(io.vertx.mqtt.messages.codes.MqttDisconnectReasonCode.SERVER_SHUTTING_DOWN,
                            MqttProperties.NO_PROPERTIES);
                } catch (IllegalStateException alreadyClosed) {
                    // disconnect() writes the packet, then closes: the device may read it and drop the socket first
                }
            }
        }
        close();
    }

    /** Closes the listener and every connection without a word, as a killed process does. */
    @Override
    public void close() throws Exception {
        if (closed) {
            return; // a test that killed it already; its @AfterEach closes it again
        }
        closed = true;
        for (io.vertx.mqtt.MqttEndpoint endpoint : connected) {
            try {
                endpoint.close();
            } catch (IllegalStateException alreadyClosed) {
                // the client left first; its close handler had not run yet
            }
        }
        server.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }
}
