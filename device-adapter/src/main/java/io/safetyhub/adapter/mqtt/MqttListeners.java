package io.safetyhub.adapter.mqtt;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.safetyhub.adapter.config.AdapterConfig;
import io.safetyhub.adapter.config.MqttConfig;
import io.safetyhub.adapter.connection.ConnectionRepository;
import io.safetyhub.adapter.connection.Replica;
import io.safetyhub.adapter.credential.CredentialRepository;
import io.safetyhub.adapter.credential.PasswordHasher;
import io.safetyhub.adapter.device.DeviceRegistry;
import io.safetyhub.adapter.protocol.ProtocolAdapter;
import io.safetyhub.adapter.status.SilenceWatch;
import io.safetyhub.adapter.telemetry.DeviceMessageHandler;
import io.vertx.core.Vertx;
import io.vertx.core.WorkerExecutor;
import io.vertx.core.http.ClientAuth;
import io.vertx.core.net.PemKeyCertOptions;
import io.vertx.core.net.PemTrustOptions;
import io.vertx.mqtt.MqttServer;
import io.vertx.mqtt.MqttServerOptions;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * device-adapter as the MQTT server devices connect to (Vert.x MQTT, the library Eclipse Hono's MQTT adapter is built
 * on): a plain listener ({@code adapter.mqtt.plain}, 1883) and a TLS listener ({@code adapter.mqtt.tls}, 8883) whose
 * client certificates, when sent, must be issued by the device CA. Stateless: any number of replicas behind a TCP load
 * balancer, each device's connection on one of them, so that its messages stay in order; Kafka's key is the device id.
 */
@ApplicationScoped
public class MqttListeners implements ProtocolAdapter {
    private static final Logger LOG = Logger.getLogger(MqttListeners.class);
    private static final long BIND_TIMEOUT_SECONDS = 30;

    private final Vertx vertx;
    private final MqttConfig config;
    private final ConnectedDevices connected;
    private final Admission admission;
    private final WorkerExecutor workers;
    private final Map<String, MqttServer> servers = new LinkedHashMap<>();
    /** Ports bound before, so that a restart (stop, start) binds a port chosen at random (0) again. */
    private final Map<String, Integer> boundBefore = new LinkedHashMap<>();

    public MqttListeners(Vertx vertx, AdapterConfig config, DeviceRegistry registry, CredentialRepository credentials,
                         PasswordHasher hasher, DeviceMessageHandler handler, ConnectedDevices connected,
                         SilenceWatch silence, ConnectionRepository connections, Replica replica, MqttMetrics metrics,
                         Clock clock, MeterRegistry meters) {
        this.vertx = vertx;
        this.config = config.mqtt();
        this.connected = connected;
        this.workers = vertx.createSharedWorkerExecutor("mqtt-auth", this.config.auth().threads());
        SessionServices services = new SessionServices(handler, connected, silence, connections, replica, metrics,
                workers, clock, this.config.receiveMaximum());
        this.admission = new Admission(
                new DeviceAuthenticator(registry::byMqttIdForLogin, credentials::find, hasher, clock),
                this.config.auth(), services);
        Gauge.builder("safetyhub.adapter.mqtt.connections", connected, ConnectedDevices::count)
                .description("Device connections this replica holds").register(meters);
        Gauge.builder("safetyhub.adapter.mqtt.listening", this, l -> l.listening() ? 1 : 0)
                .description("1 while every configured MQTT listener is bound").register(meters);
    }

    @Override
    public String name() {
        return "mqtt";
    }

    /** Binds the listeners; a port that cannot be bound stops the start (it is configuration, not an outage). */
    @Override
    public synchronized void start() {
        if (!config.enabled()) {
            LOG.info("MQTT is off on this replica (adapter.mqtt.enabled=false)");
            return;
        }
        if (!servers.isEmpty()) {
            return;
        }
        connected.resume();
        if (config.plain().enabled()) {
            bind("plain", base().setHost(config.plain().host()).setPort(config.plain().port()));
        }
        if (config.tls().enabled()) {
            MqttConfig.Tls tls = config.tls();
            MqttServerOptions options = base().setHost(tls.host()).setPort(tls.port()).setSsl(true)
                    .setKeyCertOptions(new PemKeyCertOptions()
                            .setCertPath(tls.certificate().orElseThrow(() -> missing("certificate")))
                            .setKeyPath(tls.key().orElseThrow(() -> missing("key"))));
            tls.clientCa().ifPresent(ca -> options.setTrustOptions(new PemTrustOptions().addCertPath(ca))
                    .setClientAuth(ClientAuth.REQUEST));
            bind("tls", options);
        }
    }

    @Override
    public synchronized void stop() {
        connected.shutdown();
        servers.forEach((name, server) -> {
            try {
                server.close().toCompletionStage().toCompletableFuture().get(BIND_TIMEOUT_SECONDS, TimeUnit.SECONDS);
                LOG.infof("MQTT %s listener closed", name);
            } catch (Exception e) {
                LOG.warnf("MQTT %s listener did not close cleanly: %s", name, e.getMessage());
            }
        });
        servers.clear();
    }

    /** Up while every configured listener is bound; data: the bound addresses and the connections held. */
    @Override
    public HealthCheckResponse health() {
        HealthCheckResponseBuilder builder = HealthCheckResponse.named(name()).status(listening())
                .withData("enabled", config.enabled()).withData("connections", connected.count());
        servers.forEach((name, server) -> builder.withData(name, hostOf(name) + ":" + server.actualPort()));
        return builder.build();
    }

    /** The port the plain listener is bound to (the chosen one when configured as 0, as in tests); -1 if none. */
    public int plainPort() {
        MqttServer server = servers.get("plain");
        return server == null ? -1 : server.actualPort();
    }

    /** The port the TLS listener is bound to; -1 if none. */
    public int tlsPort() {
        MqttServer server = servers.get("tls");
        return server == null ? -1 : server.actualPort();
    }

    /** True while every configured listener is bound (and when MQTT is off here: nothing to be bound). */
    boolean listening() {
        if (!config.enabled()) {
            return true;
        }
        int wanted = (config.plain().enabled() ? 1 : 0) + (config.tls().enabled() ? 1 : 0);
        return servers.size() == wanted && wanted > 0;
    }

    private MqttServerOptions base() {
        return new MqttServerOptions().setMaxMessageSize(config.maxMessageBytes())
                .setTimeoutOnConnect((int) config.connectTimeout().toSeconds()).setAutoClientId(true);
    }

    private void bind(String name, MqttServerOptions options) {
        if (options.getPort() == 0 && boundBefore.containsKey(name)) {
            options.setPort(boundBefore.get(name));
        }
        MqttServer server = MqttServer.create(vertx, options).endpointHandler(admission::admit)
                .exceptionHandler(e -> LOG.debugf("MQTT %s listener: %s", name, e.getMessage()));
        try {
            server.listen().toCompletionStage().toCompletableFuture().get(BIND_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("MQTT " + name + " listener cannot bind " + options.getHost() + ":"
                    + options.getPort() + ": " + e.getMessage(), e);
        }
        servers.put(name, server);
        boundBefore.put(name, server.actualPort());
        LOG.infof("MQTT %s listener on %s:%d", name, options.getHost(), server.actualPort());
    }

    private String hostOf(String name) {
        return name.equals("tls") ? config.tls().host() : config.plain().host();
    }

    private static IllegalStateException missing(String what) {
        return new IllegalStateException("adapter.mqtt.tls.enabled=true needs adapter.mqtt.tls." + what + " (PEM file)");
    }
}
