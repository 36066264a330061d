package io.safetyhub.adapter.mqtt;

import org.jboss.logging.Logger;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Where the link to the broker stands. Each change is logged once, with the broker URL, so that an unreachable
 * broker gives one line per outage rather than one per retry.
 */
final class MqttLinkState {
    private static final Logger LOG = Logger.getLogger(MqttLinkState.class);

    enum State { STOPPED, CONNECTING, CONNECTED, UNREACHABLE, LOST }

    private final String url;
    private final AtomicReference<State> state = new AtomicReference<>(State.STOPPED);

    MqttLinkState(String url) {
        this.url = url;
    }

    State state() {
        return state.get();
    }

    String url() {
        return url;
    }

    void connecting() {
        if (change(State.CONNECTING)) {
            LOG.infof("MQTT connecting to %s", url);
        }
    }

    void connected(boolean reconnect) {
        if (change(State.CONNECTED)) {
            LOG.infof("MQTT %s to %s", reconnect ? "reconnected" : "connected", url);
        }
    }

    void unreachable(Throwable failure, Duration maxDelay) {
        if (change(State.UNREACHABLE)) {
            LOG.warnf("MQTT broker %s unreachable (%s); retrying with back-off up to %s", url, describe(failure), maxDelay);
        }
    }

    void lost(String reason) {
        if (change(State.LOST)) {
            LOG.warnf("MQTT connection to %s lost (%s); reconnecting with back-off", url, reason);
        }
    }

    void stopped() {
        if (change(State.STOPPED)) {
            LOG.infof("MQTT disconnected from %s", url);
        }
    }

    private boolean change(State next) {
        return state.getAndSet(next) != next;
    }

    private static String describe(Throwable failure) {
        Throwable cause = failure.getCause() != null ? failure.getCause() : failure;
        return cause.getClass().getSimpleName() + ": " + cause.getMessage();
    }
}
