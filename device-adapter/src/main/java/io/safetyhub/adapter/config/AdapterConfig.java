package io.safetyhub.adapter.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Every setting of device-adapter. */
@ConfigMapping(prefix = "adapter")
public interface AdapterConfig {

    /** Name written into the {@code source} of every event this service publishes. */
    @WithDefault("device-adapter")
    String source();

    /** The MQTT side: the listeners devices connect to, and how they log in. */
    MqttConfig mqtt();

    /** The Kafka side: producer tuning and the buffer (memory, then disk spool) used while Kafka is away. */
    Publish publish();

    /**
     * Registers the demo devices the simulator plays (GA-0001..3 of chem-banan-01, crane TC-0001 of build-yubei-01,
     * the tank farm's OPC UA devices) when absent. On for the laptop stack and e2e, off in production.
     */
    @WithDefault("false")
    boolean seedDemo();

    /** How often the in-memory registry is re-read from MongoDB, to see writes made through other replicas. */
    @WithDefault("30s")
    Duration registryRefresh();

    /** Watching for devices that stopped publishing. */
    Silence silence();

    /** The view of major-hazard installations that a device's {@code hazardSourceId} is checked against. */
    InstallationView installations();

    interface InstallationView {
        /**
         * How often, until it has, the adapter checks whether its view caught up with
         * {@code enterprise.major-hazards.v1}; before that an unknown {@code hazardSourceId} is not refused.
         */
        @WithDefault("2s")
        Duration loadCheckEvery();
    }

    /** The OPC UA side. */
    OpcUa opcUa();

    /** Device credentials: how long passwords are valid, what they cost to check, the demo devices' password. */
    Credentials credentials();

    /** What a device payload may claim: how far ahead of our clock, how many readings. */
    Payload payload();

    /** Dead letters keep the raw payload; this caps its size so one huge payload cannot exceed Kafka's record limit. */
    @WithDefault("65536")
    int deadLetterMaxRawChars();

    /** Bounds on device payloads (issue 15); a payload beyond them is one dead letter, and the device's next flows. */
    interface Payload {
        /**
         * A {@code ts} further ahead of the adapter's clock than this is dead-lettered as FUTURE_TIMESTAMP: a reading
         * from the future would switch the device's alarm rules off until that time.
         */
        @WithDefault("5m")
        Duration maxFutureSkew();

        /** Readings one telemetry message may carry; more make the message one TOO_MANY_READINGS dead letter. */
        @WithDefault("100")
        int maxReadings();
    }

    interface Credentials {
        /** How long an issued password is valid unless the operator asks for another span. */
        @WithDefault("365d")
        Duration passwordValidity();

        /**
         * PBKDF2-HMAC-SHA-256 rounds for new passwords (stored with each hash, so a change applies to new passwords
         * only). The secrets are 192 random bits, not chosen by people: no number of rounds changes what guessing one
         * costs (2^191 tries on average), so the rounds are the class's minimum. They are paid at every CONNECT, and
         * after an adapter restart by every device at once: 100,000 rounds took 61 ms of CPU per CONNECT on the
         * 2-core bench machine under load, a minute of CPU for 1,000 devices logging in again (bench/results/README.md,
         * "What the alarm path allocates and keeps").
         */
        @WithDefault("10000")
        int hashIterations();

        /**
         * With {@link AdapterConfig#seedDemo()}: the password each demo MQTT device (GA-0001..3, TC-0001) gets if it
         * has none, so that the laptop stack's simulator can log in. Never set in production.
         */
        Optional<String> demoPassword();
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
        /**
         * false: this replica opens no OPC UA session and times no OPC UA device (another workload of the same image
         * serves the plants, e.g. with MQTT off there).
         */
        @WithDefault("true")
        boolean enabled();

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

        /**
         * The adapter's PKI directory: {@code own/adapter.pfx} (its application certificate and private key, generated
         * on first start; {@code own/adapter.der} is the certificate to import into a plant server's trust list),
         * {@code trusted/certs} (server certificates trusted), {@code issuers/certs}, {@code rejected/certs} (server
         * certificates refused, to be moved to {@code trusted/certs} by an operator), {@code pinned/} (trust on first
         * use). application.properties sets {@code ${user.home}/.safetyhub-device-adapter/pki}.
         */
        @WithDefault("pki")
        String pkiDir();

        /** Password of {@code own/adapter.pfx} (from the environment in production: ADAPTER_OPC_UA_KEYSTORE_PASSWORD). */
        @WithDefault("safetyhub")
        String keystorePassword();

        /**
         * Which server certificates a secure session accepts. EXPLICIT (production): only those in
         * {@code trusted/certs}; an unknown one is put in {@code rejected/certs} and the session is refused until an
         * operator moves it. TRUST_ON_FIRST_USE (laptop, tests): the first certificate a server presents is pinned
         * and trusted; a different one later is refused like an unknown one.
         */
        @WithDefault("EXPLICIT")
        TrustPolicy trustPolicy();

        /**
         * Security per plant server, keyed by a name of the operator's choosing:
         * {@code adapter.opc-ua.endpoints.<name>.url}, {@code .security-policy}, {@code .security-mode},
         * {@code .username}, {@code .password}. An endpoint URL of the registry not listed here is opened with
         * security None and an anonymous identity. Credentials live here (a secret of the deployment), never in the
         * device registry, which is readable over REST.
         */
        Map<String, Endpoint> endpoints();

        /**
         * Security of an endpoint not listed in {@link #endpoints()} (anonymous identity). None by default (a laptop's
         * simulator); production sets Basic256Sha256, so that only an endpoint listed with policy None runs without.
         */
        @WithDefault("None")
        SecurityPolicyName defaultSecurityPolicy();

        /** Mode with {@link #defaultSecurityPolicy()} when it is not None. */
        @WithDefault("SignAndEncrypt")
        SecurityModeName defaultSecurityMode();

        /**
         * How many adapter replicas share the OPC UA endpoints. Each endpoint is owned by exactly one replica, the one
         * whose {@link #shardIndex()} is {@code floorMod(crc32(endpoint URL), shard-count)}, so a plant server never
         * sees two sessions of SafetyHub. 1 = this adapter owns every endpoint.
         */
        @WithDefault("1")
        int shardCount();

        /** This replica's shard, 0 to {@code shard-count - 1} (on Kubernetes: the StatefulSet's pod ordinal). */
        @WithDefault("0")
        int shardIndex();
    }

    /**
     * Milo's {@code SecurityPolicy} names, checked when the configuration is read. Not Milo's enum itself: every
     * replica reads this configuration, and a Milo type here would load the OPC UA stack (and BouncyCastle) on a
     * replica that never opens a session (k8s' MQTT-only {@code device-adapter-mqtt}); {@code ClientSecurity} maps
     * a name to Milo's value when a session is opened.
     */
    enum SecurityPolicyName {
        None, Basic128Rsa15, Basic256, Basic256Sha256, Aes128_Sha256_RsaOaep, Aes256_Sha256_RsaPss
    }

    /** Milo's {@code MessageSecurityMode} names (see {@link SecurityPolicyName} for why not Milo's enum). */
    enum SecurityModeName {
        None, Sign, SignAndEncrypt
    }

    /** How server certificates are trusted; see {@link OpcUa#trustPolicy()}. */
    enum TrustPolicy {
        EXPLICIT, TRUST_ON_FIRST_USE
    }

    /** Security of one OPC UA endpoint. */
    interface Endpoint {
        /** The endpoint URL exactly as devices are bound to it in the registry. */
        String url();

        /** None or Basic256Sha256 (Milo's SecurityPolicy names; Aes128_Sha256_RsaOaep and Aes256_Sha256_RsaPss work too). */
        @WithDefault("None")
        SecurityPolicyName securityPolicy();

        /** None with policy None; Sign or SignAndEncrypt otherwise. */
        @WithDefault("SignAndEncrypt")
        SecurityModeName securityMode();

        /** User name of the session identity; absent = anonymous. */
        Optional<String> username();

        /** Password of the session identity (from the environment or a secret). */
        Optional<String> password();
    }

    interface Publish {
        /**
         * Kafka bootstrap servers of the telemetry producer; application.properties points it at
         * {@code kafka.bootstrap.servers}, the key the launcher and the test harness set.
         */
        @WithDefault("127.0.0.1:9092")
        String bootstrapServers();

        /**
         * Records that may wait for Kafka's acknowledgement in memory (inside the producer). Past this bound, and
         * for as long as older records are on disk, records go to the spool: this bounds the heap during an outage.
         */
        @WithDefault("20000")
        int memoryRecords();

        /**
         * Directory of the spool's append-only segment files. Give each replica its own; on Kubernetes a persistent
         * volume. application.properties sets {@code ${user.home}/.safetyhub-device-adapter/spool}.
         */
        @WithDefault("spool")
        String spoolDir();

        /** Size after which the spool starts a new segment file; a segment is deleted once Kafka has all of it. */
        @WithDefault("67108864")
        long segmentBytes();

        /**
         * true: a spooled record counts as stored (and its MQTT message is acknowledged) only after an fsync, grouped
         * over the records appended meanwhile; survives a power cut. false: after the write, so it survives a crash
         * of the adapter but not of the machine.
         */
        @WithDefault("true")
        boolean fsync();

        /** Readiness goes down when records wait and Kafka has acknowledged none for this long. */
        @WithDefault("10s")
        Duration stallAfter();

        /** Producer {@code linger.ms}: how long a batch waits to fill; a few ms buys large batches at high rates. */
        @WithDefault("5ms")
        Duration linger();

        /** Producer {@code batch.size} in bytes, per partition. */
        @WithDefault("65536")
        int batchBytes();

        /**
         * Producer {@code compression.type}: none, lz4, zstd, snappy, gzip. none: readings are small JSON records, the
         * broker is local, and devstack's embedded broker has no lz4 codec on its class path.
         */
        @WithDefault("none")
        String compression();

        /** Producer {@code max.block.ms}: how long a send may wait for metadata or buffer space before retrying. */
        @WithDefault("5s")
        Duration maxBlock();
    }
}
