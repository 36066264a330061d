package io.safetyhub.devstack.mqtt;

import com.hivemq.configuration.service.InternalConfigurations;
import com.hivemq.embedded.EmbeddedHiveMQ;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * Embedded HiveMQ CE as the MQTT broker of the laptop stack and the tests.
 *
 * <p>Usage: {@code MqttBrokerMain <data-dir> [port]}. Under the data dir: {@code conf/config.xml}
 * (rewritten at each start so the port may change), {@code data/} (persistent sessions, retained
 * messages, queued QoS 1 messages: they survive restarts) and an empty {@code extensions/}.
 */
public final class MqttBrokerMain {

    private MqttBrokerMain() {
    }

    public static void main(String[] args) {
        if (args.length < 1) {
            System.err.println("usage: MqttBrokerMain <data-dir> [port]");
            System.exit(2);
        }
        Path home = Path.of(args[0]).toAbsolutePath();
        int port = args.length > 1 ? Integer.parseInt(args[1]) : 1883;
        try {
            Path conf = Files.createDirectories(home.resolve("conf"));
            // HiveMQ's start() never completes if its data folder does not exist yet.
            Path data = Files.createDirectories(home.resolve("data"));
            Path extensions = Files.createDirectories(home.resolve("extensions"));
            Files.writeString(conf.resolve("config.xml"), config(port), StandardCharsets.UTF_8);

            // HiveMQ CE sends at most 50 unacknowledged QoS 1 messages to a client, whatever Receive Maximum the
            // client asks for, and has no config.xml setting for it. The adapter acknowledges a message only once
            // Kafka has it, so that window divided by Kafka's ack time is the adapter's ceiling (~1,000 msg/s here).
            // Raise it to the adapter's own Receive Maximum (adapter.mqtt.receive-maximum, 1000).
            InternalConfigurations.MAX_INFLIGHT_WINDOW_SIZE_MESSAGES =
                    Integer.getInteger("safetyhub.mqtt.inflight-window", 1000);
            EmbeddedHiveMQ hivemq = EmbeddedHiveMQ.builder()
                    .withConfigurationFolder(conf)
                    .withDataFolder(data)
                    .withExtensionsFolder(extensions)
                    .build();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> stop(hivemq), "mqtt-broker-shutdown"));
            hivemq.start().get(120, TimeUnit.SECONDS);
            exitWithParent();
            System.out.println("mqtt-broker ready on port " + port + " (data " + data + ")");
        } catch (Exception | Error e) {
            System.err.println("mqtt-broker failed to start on port " + port + ": " + e);
            e.printStackTrace();
            System.exit(1);
        }
    }

    static String config(int port) {
        // Usage statistics off: this machine may only talk to itself, and a laptop should not
        // phone home from a dev broker either.
        return """
                <?xml version="1.0"?>
                <hivemq>
                    <listeners>
                        <tcp-listener>
                            <port>%d</port>
                            <bind-address>127.0.0.1</bind-address>
                        </tcp-listener>
                    </listeners>
                    <mqtt>
                        <!-- The default (1,000) discards QoS 1 messages queued for a busy or offline
                             persistent session: the adapter's backlog must survive a Kafka outage. -->
                        <queued-messages>
                            <max-queue-size>1000000</max-queue-size>
                            <strategy>discard</strategy>
                        </queued-messages>
                    </mqtt>
                    <anonymous-usage-statistics>
                        <enabled>false</enabled>
                    </anonymous-usage-statistics>
                </hivemq>
                """.formatted(port);
    }

    private static void stop(EmbeddedHiveMQ hivemq) {
        try {
            hivemq.stop().get(20, TimeUnit.SECONDS);
        } catch (Exception e) {
            System.err.println("mqtt-broker did not stop cleanly: " + e);
        }
    }

    /** See MongoWireServerMain: only the test harness passes its pid. */
    private static void exitWithParent() {
        String parent = System.getProperty("safetyhub.parent.pid");
        if (parent != null && !parent.isBlank()) {
            ProcessHandle.of(Long.parseLong(parent)).ifPresentOrElse(
                    handle -> handle.onExit().thenRun(() -> System.exit(0)),
                    () -> System.exit(0));
        }
    }
}
