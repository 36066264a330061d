package io.safetyhub.adapter.mqtt;

import io.netty.handler.codec.mqtt.MqttConnectReturnCode;

import java.util.Locale;

/**
 * Why a CONNECT was refused, and the CONNACK code each protocol version gets. Unknown device, missing or wrong
 * password and expired credentials share "bad user name or password", so that a guesser learns nothing about which
 * device ids exist; the log and the metric tell the operator which it was.
 */
public enum ConnectRefusal {
    /** No user name and no client certificate. */
    ANONYMOUS(MqttConnectReturnCode.CONNECTION_REFUSED_NOT_AUTHORIZED_5, MqttConnectReturnCode.CONNECTION_REFUSED_NOT_AUTHORIZED),
    /** No MQTT device of that id in the registry. */
    UNKNOWN_DEVICE(BadLogin.V5, BadLogin.V3),
    /** The device has no password (none issued, or revoked). */
    NO_PASSWORD(BadLogin.V5, BadLogin.V3),
    WRONG_PASSWORD(BadLogin.V5, BadLogin.V3),
    /** The password (or the pinned certificate) is past its expiry. */
    EXPIRED(BadLogin.V5, BadLogin.V3),
    /** The registry entry is disabled by an operator. */
    DISABLED(MqttConnectReturnCode.CONNECTION_REFUSED_BANNED, MqttConnectReturnCode.CONNECTION_REFUSED_NOT_AUTHORIZED),
    /** A certificate of the trusted CA, but not the one registered for the device of its subject CN. */
    CERTIFICATE_NOT_REGISTERED(MqttConnectReturnCode.CONNECTION_REFUSED_NOT_AUTHORIZED_5,
            MqttConnectReturnCode.CONNECTION_REFUSED_NOT_AUTHORIZED),
    /** A user name other than the device id of the client certificate. */
    USERNAME_MISMATCH(MqttConnectReturnCode.CONNECTION_REFUSED_NOT_AUTHORIZED_5,
            MqttConnectReturnCode.CONNECTION_REFUSED_NOT_AUTHORIZED),
    /** A last will on a topic that is not the device's own status topic. */
    FOREIGN_WILL(MqttConnectReturnCode.CONNECTION_REFUSED_NOT_AUTHORIZED_5,
            MqttConnectReturnCode.CONNECTION_REFUSED_NOT_AUTHORIZED),
    /** Too many failed logins from the address lately (see {@link GuessingThrottle}). */
    THROTTLED(MqttConnectReturnCode.CONNECTION_REFUSED_CONNECTION_RATE_EXCEEDED,
            MqttConnectReturnCode.CONNECTION_REFUSED_SERVER_UNAVAILABLE),
    /** The credential store could not be read: the device should retry later. */
    UNAVAILABLE(MqttConnectReturnCode.CONNECTION_REFUSED_SERVER_UNAVAILABLE_5,
            MqttConnectReturnCode.CONNECTION_REFUSED_SERVER_UNAVAILABLE);

    private final MqttConnectReturnCode v5;
    private final MqttConnectReturnCode v3;

    ConnectRefusal(MqttConnectReturnCode v5, MqttConnectReturnCode v3) {
        this.v5 = v5;
        this.v3 = v3;
    }

    /** The CONNACK code for protocol level {@code protocolVersion} (5 = MQTT 5, 4 = 3.1.1, 3 = 3.1). */
    public MqttConnectReturnCode code(int protocolVersion) {
        return protocolVersion >= 5 ? v5 : v3;
    }

    /** The metric tag and log word, e.g. {@code wrong_password}. */
    public String tag() {
        return name().toLowerCase(Locale.ROOT);
    }

    private static final class BadLogin {
        static final MqttConnectReturnCode V5 = MqttConnectReturnCode.CONNECTION_REFUSED_BAD_USERNAME_OR_PASSWORD;
        static final MqttConnectReturnCode V3 = MqttConnectReturnCode.CONNECTION_REFUSED_BAD_USER_NAME_OR_PASSWORD;
    }
}
