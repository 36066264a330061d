package io.safetyhub.adapter.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** Every setting of device-adapter. The broker URL is shared with the rest of the platform as {@code safetyhub.mqtt.url}. */
@ConfigMapping(prefix = "adapter")
public interface AdapterConfig {

    /** Name written into the {@code source} of every event this service publishes. */
    @WithDefault("device-adapter")
    String source();

    /** The MQTT side: where the devices publish. */
    Mqtt mqtt();

    /** The Kafka side: how long to keep retrying a record Kafka refused. */
    Publish publish();

    /**
     * Registers the demo devices the simulator plays (GA-0001..3 of chem-banan-01, crane TC-0001 of build-yubei-01,
     * the tank farm's OPC UA devices) when absent. On for the laptop stack and e2e, off in production.
     */
    @WithDefault("false")
    boolean seedDemo();

    /**
     * Accepts telemetry from devices the registry does not know, taking enterprise and kind from the topic. Off: such
     * telemetry is an UNKNOWN_DEVICE dead letter, so that no unvetted device can raise or mask an alarm.
     */
    @WithDefault("false")
    boolean acceptUnregistered();

    /** How often the in-memory registry is re-read from MongoDB, to see writes made through other replicas. */
    @WithDefault("30s")
    Duration registryRefresh();

    /** Watching for devices that stopped publishing. */
    Silence silence();

    /** The OPC UA side. */
    OpcUa opcUa();

    /** Dead letters keep the raw payload; this caps its size so one huge payload cannot exceed Kafka's record limit. */
    @WithDefault("65536")
    int deadLetterMaxRawChars();

    interface Mqtt {
        /**
         * Broker URL ({@code tcp://host:1883}, {@code ssl://host:8883}); application.properties points it at
         * {@code safetyhub.mqtt.url} so that the launcher and the test harness set one key for every component.
         */
        @WithDefault("tcp://127.0.0.1:1883")
        String url();

        /** Stable client id: the broker keeps the persistent session (subscriptions, queued QoS 1 messages) under it. */
        @WithDefault("safetyhub-device-adapter")
        String clientId();

        /** Broker user, when the broker requires one. */
        Optional<String> username();

        /** Broker password (from the environment in production). */
        Optional<String> password();

        /** How long the broker keeps the session and queues messages while the adapter is away (a redeploy, an outage). */
        @WithDefault("24h")
        Duration sessionExpiry();

        /** MQTT keep-alive: how soon a dead TCP link is noticed. */
        @WithDefault("30s")
        Duration keepAlive();

        /** How long one connection attempt may take. */
        @WithDefault("10s")
        Duration connectTimeout();

        /** First delay between connection attempts; doubles up to {@link #reconnectMaxDelay()}. */
        @WithDefault("1s")
        Duration reconnectMinDelay();

        /** Longest delay between connection attempts. */
        @WithDefault("30s")
        Duration reconnectMaxDelay();

        /**
         * MQTT 5 receive maximum: how many QoS 1 messages the broker may have unacknowledged with us. As a message is
         * acknowledged only once Kafka has it, this is the back-pressure window when Kafka is slow or away.
         */
        @WithDefault("1000")
        int receiveMaximum();

        /** Topic filters subscribed at QoS 1. */
        @WithDefault("safetyhub/+/+/+/telemetry,safetyhub/+/+/+/status")
        List<String> topics();

        /**
         * When set, the filters are subscribed as {@code $share/<group>/<filter>} so that several adapter replicas
         * (each with its own client id) split the devices' traffic.
         */
        Optional<String> sharedGroup();
    }

    interface Silence {
        /** A device is offline (cause SILENT) once nothing arrived for this many publishing intervals (domain.md: 3). */
        @WithDefault("3")
        int intervals();

        /** How often the silence check runs; a device is reported at most this much later than due. */
        @WithDefault("5s")
        Duration checkEvery();
    }

    interface OpcUa {
        /** Endpoint of the simulator's tank farm, bound to the demo OPC UA devices by {@link #seedDemo()}. */
        @WithDefault("opc.tcp://127.0.0.1:4840/safetyhub")
        String demoEndpoint();

        /** First delay between connection attempts to an endpoint; doubles up to {@link #reconnectMaxDelay()}. */
        @WithDefault("1s")
        Duration reconnectMinDelay();

        /** Longest delay between connection attempts to an endpoint. */
        @WithDefault("30s")
        Duration reconnectMaxDelay();

        /** Requested publishing interval of each endpoint's subscription: how often changed values are sent. */
        @WithDefault("1s")
        Duration publishingInterval();

        /** Longest wait for one OPC UA service call (connect, create subscription, create items). */
        @WithDefault("10s")
        Duration requestTimeout();
    }

    interface Publish {
        /** First delay before re-sending a record Kafka refused (after the producer's own retries gave up). */
        @WithDefault("1s")
        Duration retryMinDelay();

        /** Longest delay between re-sends; the MQTT message stays unacknowledged meanwhile. */
        @WithDefault("30s")
        Duration retryMaxDelay();
    }
}
