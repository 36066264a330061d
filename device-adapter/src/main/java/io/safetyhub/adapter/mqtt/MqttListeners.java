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
import io.vertx.core.AbstractVerticle;
import io.vertx.core.Promise;
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
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
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
    /** Per listener, one server per event loop (all on the listener's port; Vert.x deals connections out in turn). */
    private final Map<String, Listener> servers = new LinkedHashMap<>();
    private final int eventLoops;
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
        // Half the cores by default: the adapter's Kafka sender, its collector and compiler need the rest. On the
        // bench's 2 cores (everything on them) two loops cost 0.07 cores more at 10,000 readings/s than one.
        this.eventLoops = this.config.eventLoops() > 0 ? this.config.eventLoops()
                : Math.max(1, Runtime.getRuntime().availableProcessors() / 2);
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
        servers.forEach((name, listener) -> {
            try {
                listener.close();
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
                .withData("enabled", config.enabled()).withData("connections", connected.count())
                .withData("transport", transport());
        servers.forEach((name, listener) -> builder.withData(name, hostOf(name) + ":" + listener.port()));
        return builder.build();
    }

    /** The port the plain listener is bound to (the chosen one when configured as 0, as in tests); -1 if none. */
    public int plainPort() {
        Listener listener = servers.get("plain");
        return listener == null ? -1 : listener.port();
    }

    /** The port the TLS listener is bound to; -1 if none. */
    public int tlsPort() {
        Listener listener = servers.get("tls");
        return listener == null ? -1 : listener.port();
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

    /**
     * Binds the listener once per event loop, each server from a verticle of its own so that its connections run on
     * that verticle's event loop: a server bound from one context handles every connection on one thread, which at
     * 10,000 readings/s was one event loop at ~0.5 of a core holding every device's PUBLISH in its queue. A device's
     * connection stays on one event loop, so its messages stay in order.
     */
    private void bind(String name, MqttServerOptions options) {
        int port = options.getPort() == 0 && boundBefore.containsKey(name) ? boundBefore.get(name) : options.getPort();
        // Vert.x shares a port among servers bound to the same positive port, or to the same negative one (a random
        // port, chosen once, one per negative number: plain -1, TLS -2); servers bound to 0 get a port each.
        int shared = port != 0 ? port : name.equals("tls") ? -2 : -1;
        Listener listener = new Listener();
        try {
            for (int i = 0; i < eventLoops; i++) {
                port = listener.add(new MqttServerOptions(options).setPort(shared), name);
            }
        } catch (Exception e) {
            listener.close();
            throw new IllegalStateException("MQTT " + name + " listener cannot bind " + options.getHost() + ":"
                    + port + ": " + e.getMessage(), e);
        }
        servers.put(name, listener);
        boundBefore.put(name, port);
        LOG.infof("MQTT %s listener on %s:%d, %d event loop(s), %s", name, options.getHost(), port, eventLoops,
                transport());
    }

    /** One listener's servers, each in a verticle deployment of its own. */
    private final class Listener {
        private final List<MqttServer> bound = new ArrayList<>();
        private final List<String> deployments = new ArrayList<>();

        /** Deploys one more server of this listener; returns the port it is bound to. */
        private int add(MqttServerOptions options, String name) throws Exception {
            CompletableFuture<MqttServer> listening = new CompletableFuture<>();
            String deployment = vertx.deployVerticle(new AbstractVerticle() {
                @Override
                public void start(Promise<Void> started) {
                    MqttServer.create(vertx, options).endpointHandler(admission::admit)
                            .exceptionHandler(e -> LOG.debugf("MQTT %s listener: %s", name, e.getMessage()))
                            .listen().onSuccess(server -> {
                                listening.complete(server);
                                started.complete();
                            }).onFailure(e -> {
                                listening.completeExceptionally(e);
                                started.fail(e);
                            });
                }
            }).toCompletionStage().toCompletableFuture().get(BIND_TIMEOUT_SECONDS, TimeUnit.SECONDS);
            deployments.add(deployment);
            MqttServer server = listening.get(BIND_TIMEOUT_SECONDS, TimeUnit.SECONDS);
            bound.add(server);
            return server.actualPort();
        }

        private int port() {
            return bound.isEmpty() ? -1 : bound.get(0).actualPort();
        }

        /** Closes the servers (undeploying closes what a verticle opened). */
        private void close() {
            for (String deployment : deployments) {
                try {
                    vertx.undeploy(deployment).toCompletionStage().toCompletableFuture()
                            .get(BIND_TIMEOUT_SECONDS, TimeUnit.SECONDS);
                } catch (Exception e) {
                    throw new IllegalStateException(e.getMessage(), e);
                }
            }
            bound.clear();
            deployments.clear();
        }
    }

    /** epoll where netty's native library loaded (quarkus.vertx.prefer-native-transport), else Java NIO. */
    private String transport() {
        return vertx.isNativeTransportEnabled() ? "epoll" : "nio";
    }

    private String hostOf(String name) {
        return name.equals("tls") ? config.tls().host() : config.plain().host();
    }

    private static IllegalStateException missing(String what) {
        return new IllegalStateException("adapter.mqtt.tls.enabled=true needs adapter.mqtt.tls." + what + " (PEM file)");
    }
}
