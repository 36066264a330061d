package io.safetyhub.devstack;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Which MQTT broker runs: embedded HiveMQ CE (the portable default) or Debian's mosquitto where
 * it is installed (starts in milliseconds, a few MB). {@code -Dsafetyhub.mqtt.broker} or
 * {@code SAFETYHUB_MQTT_BROKER} = {@code hivemq} | {@code mosquitto} | {@code auto} (default).
 */
final class MqttBroker {

    private MqttBroker() {
    }

    static boolean useMosquitto() {
        String choice = System.getProperty("safetyhub.mqtt.broker",
                Optional.ofNullable(System.getenv("SAFETYHUB_MQTT_BROKER")).orElse("auto"));
        return switch (choice) {
            case "hivemq" -> false;
            case "mosquitto" -> true;
            default -> mosquittoBinary().isPresent();
        };
    }

    static Optional<Path> mosquittoBinary() {
        String path = Optional.ofNullable(System.getenv("PATH")).orElse("") + File.pathSeparator + "/usr/sbin";
        return Stream.of(path.split(File.pathSeparator))
                .filter(dir -> !dir.isBlank())
                .map(dir -> Path.of(dir, "mosquitto"))
                .filter(Files::isExecutable)
                .findFirst();
    }

    static Component mosquitto(StackHome home, int port) {
        Path data = home.data(Infra.MQTT);
        Path config = data.resolve("mosquitto.conf");
        String binary = mosquittoBinary().map(Path::toString).orElse("mosquitto");
        Component.Preparation prepare = () -> {
            Files.createDirectories(data);
            // Persistence on, as HiveMQ has it: the adapter's persistent session and queued QoS 1
            // messages survive a broker restart.
            Files.writeString(config, String.join("\n",
                    "# Written by the SafetyHub launcher at each start; edits are overwritten.",
                    "listener " + port + " 127.0.0.1",
                    "allow_anonymous true",
                    "persistence true",
                    "persistence_location " + data + "/",
                    "autosave_interval 10",
                    // The default (1,000) discards QoS 1 messages queued for a busy or offline
                    // persistent session: the adapter's backlog during a Kafka outage must survive.
                    "max_queued_messages 1000000",
                    // The default (20) in flight per client caps the adapter, which PUBACKs only what Kafka has:
                    // match its Receive Maximum, as the HiveMQ side does (MqttBrokerMain).
                    "max_inflight_messages 1000",
                    "log_dest stdout",
                    "log_type error",
                    "log_type warning",
                    "log_type notice",
                    "") );
        };
        return new Component(Infra.MQTT, List.of(binary, "-c", config.toString()), Map.of(), data,
                List.of(port), new Probe.Tcp(port), home.logFile(Infra.MQTT), home.pidFile(Infra.MQTT),
                config.toString(), Duration.ofSeconds(30), prepare);
    }
}
