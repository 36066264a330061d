package io.safetyhub.bench;

import io.netty.handler.codec.mqtt.MqttProperties;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.mqtt.MqttServer;
import io.vertx.mqtt.MqttServerOptions;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The floor: an MQTT endpoint that only acknowledges. Vert.x 4.5's MQTT server, the library device-adapter's own
 * endpoint is built on (issue 14), so SafetyHub / floor is what everything after the MQTT decode costs: parsing,
 * Kafka, rules, storage. It takes every CONNECT (logins are not checked), PUBACKs every QoS 1 PUBLISH at once and
 * keeps nothing; its CONNACK offers the same Receive Maximum as the pipeline's endpoint. One event loop. As a process
 * ({@code bench.jar mqtt-floor PORT}) it prints {@code floor: received N} every second; the bench reads the last one.
 */
public final class MqttFloor implements AutoCloseable {
    private final Vertx vertx;
    private final MqttServer server;
    private final AtomicLong received = new AtomicLong();
    private final AtomicLong connections = new AtomicLong();

    private MqttFloor(int port, int receiveMaximum, int eventLoops) throws Exception {
        vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(eventLoops));
        server = MqttServer.create(vertx, new MqttServerOptions().setHost("127.0.0.1").setPort(port)
                .setMaxMessageSize(64 * 1024));
        server.endpointHandler(endpoint -> {
            MqttProperties connack = new MqttProperties();
            connack.add(new MqttProperties.IntegerProperty(MqttProperties.MqttPropertyType.RECEIVE_MAXIMUM.value(),
                    receiveMaximum));
            endpoint.publishAutoAck(false);
            endpoint.publishHandler(message -> {
                received.incrementAndGet();
                if (message.qosLevel().value() == 1) {
                    endpoint.publishAcknowledge(message.messageId());
                }
            });
            endpoint.closeHandler(v -> connections.decrementAndGet());
            connections.incrementAndGet();
            endpoint.accept(false, connack);
        });
        server.listen().toCompletionStage().toCompletableFuture().get(20, TimeUnit.SECONDS);
    }

    public static MqttFloor start(int port, int receiveMaximum) throws Exception {
        return new MqttFloor(port, receiveMaximum, 1);
    }

    public int port() {
        return server.actualPort();
    }

    public long received() {
        return received.get();
    }

    String status() {
        return "floor: received " + received.get() + " from " + connections.get() + " connection(s)";
    }

    @Override
    public void close() throws Exception {
        vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    /** {@code bench.jar mqtt-floor PORT [--receive-maximum 1000]}: runs until SIGTERM. */
    public static int serve(int port, Options o) throws Exception {
        int receiveMaximum = o.integer("receive-maximum", 1000);
        int loops = o.integer("event-loops", 1);
        o.rejectUnknown();
        MqttFloor floor = new MqttFloor(port, receiveMaximum, loops);
        System.out.println("floor: listening on 127.0.0.1:" + floor.port());
        CountDownLatch stop = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            System.out.println(floor.status());
            stop.countDown();
        }, "floor-stop"));
        while (!stop.await(1, TimeUnit.SECONDS)) {
            System.out.println(floor.status());
        }
        return 0;
    }
}
