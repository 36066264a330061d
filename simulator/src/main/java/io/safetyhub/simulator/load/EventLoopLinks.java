package io.safetyhub.simulator.load;

import io.netty.handler.codec.mqtt.MqttQoS;
import io.safetyhub.simulator.mqtt.DeviceCredentials;
import io.safetyhub.simulator.mqtt.MqttEndpoint;
import io.safetyhub.simulator.mqtt.MqttLink;
import io.vertx.core.AbstractVerticle;
import io.vertx.core.Context;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.net.PemTrustOptions;
import io.vertx.mqtt.MqttClient;
import io.vertx.mqtt.MqttClientOptions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The load's connections as Vert.x MQTT clients (MQTT 3.1.1) on two event loops: a thousand devices cost a thousand
 * sockets, not Paho's four threads each, so the generator stays a small share of the cores it measures. Each
 * connection's state (its messages awaiting a PUBACK, by packet id) lives on its event loop. There is no resend: a
 * connection that drops fails what it had in flight and everything after, which a throughput run reports as refused
 * (the fault drills use Paho, whose devices keep and resend their messages).
 */
final class EventLoopLinks extends Links {
    private static final Logger LOG = LoggerFactory.getLogger(EventLoopLinks.class);
    private static final int EVENT_LOOPS = 2;
    /** Logins in flight at once: as many as Paho's connecting threads (LoadLinks). */
    private static final int CONNECTING_AT_ONCE = 16;

    /** One device connection; everything but the window is touched on its context only. */
    private static final class Link {
        final MqttClient client;
        final Context context;
        final Map<Integer, MqttLink.Outcome> awaiting = new HashMap<>();
        boolean lost;

        Link(MqttClient client, Context context) {
            this.client = client;
            this.context = context;
            client.publishCompletionHandler(id -> {
                MqttLink.Outcome outcome = awaiting.remove(id);
                if (outcome != null) {
                    outcome.acknowledged();
                }
            });
            client.closeHandler(ignored -> {
                lost = true;
                IllegalStateException why = new IllegalStateException("connection lost before the PUBACK");
                awaiting.values().forEach(o -> o.refused(why));
                awaiting.clear();
            });
        }

        void send(String topic, byte[] payload, MqttLink.Outcome outcome) {
            if (lost) {
                outcome.refused(new IllegalStateException("connection lost"));
                return;
            }
            client.publish(topic, Buffer.buffer(payload), MqttQoS.AT_LEAST_ONCE, false, false)
                    .onSuccess(id -> awaiting.put(id, outcome))
                    .onFailure(outcome::refused);
        }
    }

    private final Vertx vertx;
    private final List<Link> links;

    private EventLoopLinks(Vertx vertx, List<Link> links, int windowSize, int devices) {
        super(java.util.stream.IntStream.range(0, links.size()).map(c -> windowSize).toArray(), devices);
        this.vertx = vertx;
        this.links = links;
    }

    static EventLoopLinks open(MqttEndpoint endpoint, int devices, int connections, int inFlight, Duration timeout)
            throws InterruptedException {
        DeviceCredentials credentials = endpoint.credentials();
        int count = credentials.perDevice() ? devices : Math.max(1, Math.min(connections, devices));
        int window = Math.max(4, (int) Math.ceil((double) inFlight / count));
        URI url = URI.create(endpoint.url());
        // epoll where netty's native library loads: the generator shares the bench's cores with the stack it loads.
        Vertx vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(EVENT_LOOPS).setPreferNativeTransport(true));
        List<Context> loops = eventLoops(vertx, timeout);
        String run = Long.toString(ProcessHandle.current().pid());
        List<Future<Link>> pending = new ArrayList<>();
        java.util.concurrent.Semaphore connecting = new java.util.concurrent.Semaphore(CONNECTING_AT_ONCE);
        for (int c = 0; c < count; c++) {
            MqttClientOptions options = new MqttClientOptions()
                    .setClientId(credentials.perDevice() ? "load-" + LoadGenerator.deviceId(c) + "-" + run
                            : "sim-load-" + run + "-" + c)
                    .setCleanSession(true).setKeepAliveInterval(60).setAutoKeepAlive(true)
                    .setMaxInflightQueue(window);
            options.setConnectTimeout((int) timeout.toMillis());
            Optional<DeviceCredentials.Login> login = credentials.forDevice(LoadGenerator.deviceId(c));
            login.ifPresent(l -> options.setUsername(l.username()).setPassword(l.password()));
            if (endpoint.tls()) {
                options.setSsl(true);
                options.setHostnameVerificationAlgorithm("");
                endpoint.tlsCa().ifPresent(ca -> options.setTrustOptions(new PemTrustOptions().addCertPath(ca.toString())));
            }
            // Connected from its event loop's context, so the client's handlers and Link's state share one thread.
            // A few logins at a time, as Paho's connecting threads do: the endpoint throttles password checks per
            // source address, and a thousand at once from one address is what a guessing attack looks like.
            Context context = loops.get(c % loops.size());
            if (!connecting.tryAcquire(timeout.toMillis() + 60_000L, TimeUnit.MILLISECONDS)) {
                vertx.close();
                throw new IllegalStateException("load: logins to " + endpoint.url() + " stalled");
            }
            pending.add(Future.<Link>future(p -> context.runOnContext(ignored -> {
                MqttClient client = MqttClient.create(vertx, options);
                client.connect(url.getPort(), url.getHost()).onComplete(connected -> connecting.release())
                        .onSuccess(ack -> p.complete(new Link(client, context))).onFailure(p::fail);
            })));
        }
        try {
            Future.all(pending).toCompletionStage().toCompletableFuture()
                    .get(timeout.toMillis() + 60_000L, TimeUnit.MILLISECONDS);
        } catch (Exception e) {
            vertx.close();
            throw new IllegalStateException("load: not every connection to " + endpoint.url() + " opened: "
                    + (e.getCause() != null ? e.getCause() : e), e);
        }
        List<Link> links = pending.stream().map(Future::result).toList();
        LOG.info("load: {} Vert.x MQTT 3.1.1 connection(s) to {} ({}), {} messages in flight at most, {}", count,
                endpoint.url(), credentials.describe(), count * window, vertx.isNativeTransportEnabled() ? "epoll" : "NIO");
        return new EventLoopLinks(vertx, links, window, devices);
    }

    /** One context on each event loop: a verticle instance per loop, each of which Vert.x gives a loop of its own. */
    private static List<Context> eventLoops(Vertx vertx, Duration timeout) throws InterruptedException {
        List<Context> contexts = new java.util.concurrent.CopyOnWriteArrayList<>();
        try {
            vertx.deployVerticle(() -> new AbstractVerticle() {
                @Override
                public void start() {
                    contexts.add(context);
                }
            }, new DeploymentOptions().setInstances(EVENT_LOOPS)).toCompletionStage().toCompletableFuture()
                    .get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            vertx.close();
            throw new IllegalStateException("load: Vert.x did not start its event loops", e);
        }
        return List.copyOf(contexts);
    }

    @Override
    boolean offer(int device, String topic, byte[] payload, MqttLink.Outcome outcome) {
        Link link = links.get(connectionOf(device));
        link.context.runOnContext(ignored -> link.send(topic, payload, outcome));
        return true;
    }

    @Override
    public void close() {
        for (Link link : links) {
            link.context.runOnContext(ignored -> link.client.disconnect());
        }
        try {
            vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            LOG.warn("load: Vert.x did not close within 10 s: {}", e.toString());
        }
    }
}
