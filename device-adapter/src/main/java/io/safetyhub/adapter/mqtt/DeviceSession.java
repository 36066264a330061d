package io.safetyhub.adapter.mqtt;

import io.netty.handler.codec.mqtt.MqttProperties;
import io.netty.handler.codec.mqtt.MqttQoS;
import io.safetyhub.adapter.connection.ConnectionRecord;
import io.safetyhub.adapter.device.Device;
import io.vertx.core.Context;
import io.vertx.mqtt.MqttEndpoint;
import io.vertx.mqtt.MqttTopicSubscription;
import io.vertx.mqtt.messages.MqttDisconnectMessage;
import io.vertx.mqtt.messages.MqttPublishMessage;
import io.vertx.mqtt.messages.MqttSubscribeMessage;
import io.vertx.mqtt.messages.MqttUnsubscribeMessage;
import io.vertx.mqtt.messages.codes.MqttDisconnectReasonCode;
import io.vertx.mqtt.messages.codes.MqttPubAckReasonCode;
import io.vertx.mqtt.messages.codes.MqttSubAckReasonCode;
import io.vertx.mqtt.messages.codes.MqttUnsubAckReasonCode;
import org.jboss.logging.Logger;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

/**
 * One authenticated device connection, confined to its Vert.x event loop. Every PUBLISH is checked against
 * {@link TopicPolicy}: the device's own telemetry, event and status go to Kafka and are acknowledged once stored
 * ({@link AckSequencer}); anything else is refused (MQTT 5: PUBACK 0x87; MQTT 3.1.1, which has no refusal code:
 * the connection is closed) and counted. QoS 2 is not offered (CONNACK Maximum QoS 1). A connection that drops
 * without DISCONNECT (or with MQTT 5's "with will") gets its last will published, as a broker would; a takeover by a
 * newer connection of the same device, or the adapter shutting down, does not.
 */
final class DeviceSession {
    private static final Logger LOG = Logger.getLogger(DeviceSession.class);

    private final MqttEndpoint endpoint;
    private final Device device;
    private final DeviceAuthenticator.Accepted login;
    private final SessionServices services;
    private final Context context;
    private final boolean v5;
    private final String connectionId = UUID.randomUUID().toString();
    private final AckSequencer acks = new AckSequencer(new Acknowledger());
    private Instant connectedAt;
    private String eventLoop;
    private boolean willWanted = true;

    DeviceSession(MqttEndpoint endpoint, DeviceAuthenticator.Accepted login, SessionServices services, Context context) {
        this.endpoint = endpoint;
        this.device = login.device();
        this.login = login;
        this.services = services;
        this.context = context;
        this.v5 = endpoint.protocolVersion() >= 5;
    }

    Device device() {
        return device;
    }

    String connectionId() {
        return connectionId;
    }

    DeviceAuthenticator.Method method() {
        return login.method();
    }

    long credentialVersion() {
        return login.credentialVersion();
    }

    Instant connectedAt() {
        return connectedAt;
    }

    /** The name of the event-loop thread serving this connection. */
    String eventLoop() {
        return eventLoop;
    }

    /** Accepts the CONNECT (on the event loop): from here on the device's packets are served. */
    void open() {
        endpoint.publishAutoAck(false);
        endpoint.subscriptionAutoAck(false);
        endpoint.publishHandler(this::onPublish);
        endpoint.subscribeHandler(this::onSubscribe);
        endpoint.unsubscribeHandler(this::onUnsubscribe);
        endpoint.disconnectMessageHandler(this::onDisconnect);
        endpoint.closeHandler(ignored -> onClose());
        endpoint.exceptionHandler(e -> LOG.debugf("MQTT connection of %s: %s", device.id(), e.getMessage()));
        connectedAt = services.clock().instant();
        eventLoop = Thread.currentThread().getName();
        DeviceSession previous = services.connected().put(this);
        if (previous != null) {
            previous.takenOver();
        }
        // No server-side state to lose: a device asking to resume is told it did, and resends what is unacknowledged.
        endpoint.accept(!endpoint.isCleanSession(), connackProperties());
        services.metrics().accepted();
        services.silence().connected(device);
        ConnectionRecord record = new ConnectionRecord(device.id(), connectionId, services.replica().id(),
                v5 ? "MQTT 5" : "MQTT 3.1.1", login.method().name(), connectedAt, null);
        services.workers().executeBlocking(() -> {
            services.connections().connected(record);
            return null;
        }, false).onFailure(e -> LOG.warnf("connection of %s not recorded (%s)", device.id(), e.getMessage()));
        LOG.debugf("device %s connected (%s, %s)", device.id(), record.protocol(), login.method());
    }

    /** A newer connection of the same device replaced this one. */
    void takenOver() {
        context.runOnContext(ignored -> end(MqttDisconnectReasonCode.SESSION_TAKEN_OVER, false));
    }

    /** The operator changed what this connection logged in with (credentials, device disabled or removed). */
    void revoked(String why) {
        context.runOnContext(ignored -> {
            LOG.infof("device %s disconnected: %s", device.id(), why);
            end(MqttDisconnectReasonCode.ADMINISTRATIVE_ACTION, true);
        });
    }

    /** The adapter stops: the device reconnects (to another replica) and resends what is unacknowledged. */
    void shuttingDown() {
        context.runOnContext(ignored -> end(MqttDisconnectReasonCode.SERVER_SHUTTING_DOWN, false));
    }

    private void onPublish(MqttPublishMessage message) {
        if (message.qosLevel() == MqttQoS.EXACTLY_ONCE) {
            end(MqttDisconnectReasonCode.QOS_NOT_SUPPORTED, true);
            return;
        }
        boolean qos1 = message.qosLevel() == MqttQoS.AT_LEAST_ONCE;
        if (!TopicPolicy.mayPublish(device, message.topicName())) {
            services.metrics().publishRefused();
            LOG.debugf("device %s may not publish on %s", device.id(), message.topicName());
            if (!v5) {
                endpoint.close(); // MQTT 3.1.1 has no way to refuse one message
            } else if (qos1) {
                acks.refused(message.messageId());
                acks.release();
            }
            return;
        }
        CompletableFuture<Void> stored;
        try {
            stored = services.handler().handle(device, message.topicName(), message.payload().getBytes(),
                    services.clock().instant());
        } catch (RuntimeException bug) {
            LOG.errorf(bug, "cannot handle a message of device %s on %s", device.id(), message.topicName());
            end(MqttDisconnectReasonCode.IMPLEMENTATION_SPECIFIC_ERROR, false);
            return;
        }
        if (qos1) {
            acks.arrived(message.messageId(), stored);
            stored.whenComplete((ok, failure) -> context.runOnContext(ignored -> acks.release()));
            if (acks.waiting() > services.receiveMaximum()) {
                end(MqttDisconnectReasonCode.RECEIVE_MAXIMUM_EXCEEDED, false);
            }
        }
    }

    private void onSubscribe(MqttSubscribeMessage subscribe) {
        List<MqttSubAckReasonCode> codes = new ArrayList<>();
        List<MqttQoS> granted = new ArrayList<>();
        for (MqttTopicSubscription s : subscribe.topicSubscriptions()) {
            boolean allowed = TopicPolicy.maySubscribe(device, s.topicName());
            if (!allowed) {
                services.metrics().subscriptionRefused();
                LOG.debugf("device %s may not subscribe to %s", device.id(), s.topicName());
            }
            MqttQoS qos = s.qualityOfService() == MqttQoS.AT_MOST_ONCE ? MqttQoS.AT_MOST_ONCE : MqttQoS.AT_LEAST_ONCE;
            granted.add(allowed ? qos : MqttQoS.FAILURE);
            codes.add(!allowed ? MqttSubAckReasonCode.NOT_AUTHORIZED
                    : qos == MqttQoS.AT_MOST_ONCE ? MqttSubAckReasonCode.GRANTED_QOS0 : MqttSubAckReasonCode.GRANTED_QOS1);
        }
        if (v5) {
            endpoint.subscribeAcknowledge(subscribe.messageId(), codes, MqttProperties.NO_PROPERTIES);
        } else {
            endpoint.subscribeAcknowledge(subscribe.messageId(), granted);
        }
    }

    private void onUnsubscribe(MqttUnsubscribeMessage unsubscribe) {
        if (v5) {
            endpoint.unsubscribeAcknowledge(unsubscribe.messageId(), unsubscribe.topics().stream()
                    .map(t -> MqttUnsubAckReasonCode.SUCCESS).toList(), MqttProperties.NO_PROPERTIES);
        } else {
            endpoint.unsubscribeAcknowledge(unsubscribe.messageId());
        }
    }

    private void onDisconnect(MqttDisconnectMessage disconnect) {
        willWanted = disconnect != null && disconnect.code() == MqttDisconnectReasonCode.WITH_WILL_MESSAGE;
    }

    private void onClose() {
        services.connected().remove(this);
        if (willWanted && !services.connected().stopping() && endpoint.will() != null && endpoint.will().isWillFlag()) {
            // The will was checked at CONNECT: the device's own status topic.
            services.handler().handle(device, endpoint.will().getWillTopic(), endpoint.will().getWillMessageBytes(),
                    services.clock().instant());
        }
        Instant at = services.clock().instant();
        services.workers().executeBlocking(() -> {
            services.connections().disconnected(device.id(), connectionId, at);
            return null;
        }, false).onFailure(e -> LOG.debugf("disconnect of %s not recorded (%s)", device.id(), e.getMessage()));
    }

    /** Closes the connection, with a DISCONNECT reason for MQTT 5; {@code will} says whether the will goes out. */
    private void end(MqttDisconnectReasonCode reason, boolean will) {
        willWanted = will;
        if (!endpoint.isConnected()) {
            return;
        }
        try {
            if (v5) {
                endpoint.disconnect(reason, MqttProperties.NO_PROPERTIES); // sends DISCONNECT, then closes
            } else {
                endpoint.close();
            }
        } catch (IllegalStateException closedMeanwhile) {
            LOG.debugf("connection of %s already closed", device.id());
        }
    }

    private MqttProperties connackProperties() {
        MqttProperties properties = new MqttProperties();
        if (v5) {
            properties.add(new MqttProperties.IntegerProperty(
                    MqttProperties.MqttPropertyType.RECEIVE_MAXIMUM.value(), services.receiveMaximum()));
            properties.add(new MqttProperties.IntegerProperty(MqttProperties.MqttPropertyType.MAXIMUM_QOS.value(), 1));
            properties.add(new MqttProperties.IntegerProperty(
                    MqttProperties.MqttPropertyType.SHARED_SUBSCRIPTION_AVAILABLE.value(), 0));
            properties.add(new MqttProperties.IntegerProperty(
                    MqttProperties.MqttPropertyType.SUBSCRIPTION_IDENTIFIER_AVAILABLE.value(), 0));
        }
        return properties;
    }

    private final class Acknowledger implements AckSequencer.Acknowledger {
        @Override
        public void acknowledge(int messageId, boolean authorized) {
            if (!endpoint.isConnected()) {
                return; // the device resends it on its next connection
            }
            if (authorized) {
                endpoint.publishAcknowledge(messageId);
            } else {
                endpoint.publishAcknowledge(messageId, MqttPubAckReasonCode.NOT_AUTHORIZED, MqttProperties.NO_PROPERTIES);
            }
        }

        @Override
        public void failed(int messageId, Throwable failure) {
            // Neither Kafka nor the spool has it: the device keeps it and resends it after reconnecting.
            LOG.warnf("message %d of device %s not stored (%s); closing the connection so that the device resends it",
                    messageId, device.id(), failure == null ? "?" : failure.getMessage());
            end(MqttDisconnectReasonCode.SERVER_BUSY, false);
        }
    }
}
