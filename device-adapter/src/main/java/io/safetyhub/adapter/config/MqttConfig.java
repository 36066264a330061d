package io.safetyhub.adapter.config;

import io.smallrye.config.WithDefault;

import java.time.Duration;
import java.util.Optional;

/**
 * The MQTT side of {@link AdapterConfig} ({@code adapter.mqtt.*}): the listeners devices connect to, and how they log
 * in. A group of the one mapping, in a file of its own for length.
 */
public interface MqttConfig {
    /**
     * false: this replica opens no MQTT listener and times no MQTT device (another workload of the same image is the
     * MQTT endpoint, e.g. with OPC UA off there).
     */
    @WithDefault("true")
    boolean enabled();

    /** The plain listener: on 127.0.0.1 by default (a laptop); Kubernetes sets 0.0.0.0. */
    Plain plain();

    /** The TLS listener: off by default; needs a server certificate and key, and a device CA for client certificates. */
    Tls tls();

    /**
     * MQTT 5 Receive Maximum offered to each device: how many QoS 1 messages it may have unacknowledged with us.
     * A message is acknowledged only once stored, so this is each device's pipelining window; a device exceeding it
     * (MQTT 3.1.1 has no such setting) is disconnected.
     */
    @WithDefault("100")
    int receiveMaximum();

    /**
     * Event loops the device connections are spread over (each listener bound once per event loop; Vert.x hands each
     * new connection to the next in turn): 0 = half the available cores, at least one.
     */
    @WithDefault("0")
    int eventLoops();

    /** Largest MQTT packet accepted; larger ones close the connection. */
    @WithDefault("262144")
    int maxMessageBytes();

    /** How long a new TCP connection may take to send its CONNECT. */
    @WithDefault("10s")
    Duration connectTimeout();

    /** Logging in: the guessing throttle, refusal logs, re-checks of live connections. */
    Auth auth();

    /** The plain listener. */
    interface Plain {
        @WithDefault("true")
        boolean enabled();

        @WithDefault("127.0.0.1")
        String host();

        /** 1883; 0 binds a free port (tests), which readiness data and {@code MqttListeners} then report. */
        @WithDefault("1883")
        int port();
    }

    /** The TLS listener. */
    interface Tls {
        @WithDefault("false")
        boolean enabled();

        @WithDefault("0.0.0.0")
        String host();

        /** 8883; 0 binds a free port (tests). */
        @WithDefault("8883")
        int port();

        /** PEM file of the listener's certificate (chain); on Kubernetes from cert-manager. */
        Optional<String> certificate();

        /** PEM file (PKCS#8) of the listener's private key. */
        Optional<String> key();

        /**
         * PEM file of the CA(s) that issue device certificates. Set: a device may log in with a client certificate of
         * that CA whose subject CN is its MQTT id and that an operator pinned to it; a certificate of another CA fails
         * the TLS handshake. Absent: TLS listener for passwords only.
         */
        Optional<String> clientCa();
    }

    /** Logging in. */
    interface Auth {
        /**
         * Password checks an address may run at once, and failed logins it may have before it is throttled (devices
         * behind one NAT address share it).
         */
        @WithDefault("20")
        int burst();

        /** A throttled address regains one login attempt per this. */
        @WithDefault("3s")
        Duration refill();

        /**
         * Password checks of one address that may wait for one of its {@code burst} running checks to end (devices
         * behind one NAT address reconnecting at once); more are refused like a throttled address.
         */
        @WithDefault("2000")
        int maxWaiting();

        /** Addresses tracked by the throttle and the refusal log (least recently seen forgotten first). */
        @WithDefault("100000")
        int maxAddresses();

        /** A refused login is logged once per device (or address) and reason within this. */
        @WithDefault("1h")
        Duration logWindow();

        /** Worker threads for credential reads and password hashes, apart from the event loops. */
        @WithDefault("2")
        int threads();

        /** How often the credentials and connection records of connected devices are read back (others' changes). */
        @WithDefault("30s")
        Duration recheck();
    }
}
