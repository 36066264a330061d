package io.safetyhub.adapter.mqtt;

import io.safetyhub.adapter.config.AdapterConfig;
import org.eclipse.paho.mqttv5.client.IMqttToken;
import org.eclipse.paho.mqttv5.client.MqttActionListener;
import org.eclipse.paho.mqttv5.client.MqttAsyncClient;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttSubscription;
import org.eclipse.paho.mqttv5.common.packet.MqttProperties;
import org.jboss.logging.Logger;

import java.util.Arrays;
import java.util.List;

/**
 * The subscriptions the adapter wants, made again on every (re)connect: with a persistent session the broker
 * usually still has them, but a session that expired while the adapter was away has not.
 */
final class Subscriptions {
    private static final Logger LOG = Logger.getLogger(Subscriptions.class);
    private static final int QOS = 1;
    /** MQTT 5 retain handling 1: retained status messages are sent only when the subscription is new, not on every reconnect. */
    private static final int RETAINED_ONLY_FOR_NEW_SUBSCRIPTION = 1;

    private final List<String> filters;
    private final String url;
    private volatile boolean active;

    Subscriptions(AdapterConfig.Mqtt config) {
        this.filters = config.topics().stream()
                .map(filter -> config.sharedGroup().map(group -> "$share/" + group + "/" + filter).orElse(filter))
                .toList();
        this.url = config.url();
    }

    boolean active() {
        return active;
    }

    void reset() {
        active = false;
    }

    void subscribe(MqttAsyncClient client) {
        MqttSubscription[] wanted = filters.stream().map(filter -> {
            MqttSubscription subscription = new MqttSubscription(filter, QOS);
            subscription.setRetainHandling(RETAINED_ONLY_FOR_NEW_SUBSCRIPTION);
            return subscription;
        }).toArray(MqttSubscription[]::new);
        try {
            client.subscribe(wanted, null, new MqttActionListener() {
                @Override
                public void onSuccess(IMqttToken token) {
                    granted(token.getReasonCodes());
                }

                @Override
                public void onFailure(IMqttToken token, Throwable failure) {
                    LOG.errorf("MQTT subscription to %s on %s failed: %s", filters, url, failure.getMessage());
                }
            }, new MqttProperties());
        } catch (MqttException e) {
            LOG.errorf("MQTT subscription to %s on %s failed: %s", filters, url, e.getMessage());
        }
    }

    /** SUBACK reason codes: 0-2 is the granted QoS, 0x80 and above a refusal. */
    private void granted(int[] reasonCodes) {
        boolean allGranted = reasonCodes != null && reasonCodes.length == filters.size()
                && Arrays.stream(reasonCodes).allMatch(code -> code < 0x80);
        if (!allGranted) {
            LOG.errorf("MQTT broker %s refused subscriptions %s (reason codes %s); not ready", url, filters,
                    Arrays.toString(reasonCodes));
            return;
        }
        if (Arrays.stream(reasonCodes).anyMatch(code -> code < QOS)) {
            LOG.warnf("MQTT broker %s granted only QoS 0 for some of %s: messages may be lost", url, filters);
        }
        active = true;
        LOG.infof("MQTT subscribed to %s at QoS %d", filters, QOS);
    }
}
