package io.safetyhub.devstack.kafka;

import kafka.tools.StorageTool;
import org.apache.kafka.common.Uuid;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

/**
 * A single-node Kafka (KRaft, combined broker + controller) for the laptop stack and the tests.
 *
 * <p>Usage: {@code KafkaBrokerMain <data-dir> [port] [controller-port]}. Writes
 * {@code server.properties} into the data dir at every start (so ports may change), formats the
 * log dir only the first time (so topics and offsets survive restarts), then runs
 * {@code kafka.Kafka} in this JVM.
 */
public final class KafkaBrokerMain {

    private KafkaBrokerMain() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 1) {
            System.err.println("usage: KafkaBrokerMain <data-dir> [port] [controller-port]");
            System.exit(2);
        }
        Path dataDir = Path.of(args[0]).toAbsolutePath();
        int port = args.length > 1 ? Integer.parseInt(args[1]) : 9092;
        int controllerPort = args.length > 2 ? Integer.parseInt(args[2]) : 9093;

        Path logDir = dataDir.resolve("logs");
        Files.createDirectories(logDir);
        Path config = dataDir.resolve("server.properties");
        writeConfig(config, serverProperties(logDir, port, controllerPort));

        if (!Files.exists(logDir.resolve("meta.properties"))) {
            format(config);
        }
        exitWithParent();
        // Blocks until shutdown; kafka.Kafka installs its own SIGTERM hook for a controlled stop.
        kafka.Kafka.main(new String[] {config.toString()});
    }

    static Properties serverProperties(Path logDir, int port, int controllerPort) {
        String host = "127.0.0.1";
        Properties p = new Properties();
        p.setProperty("process.roles", "broker,controller");
        p.setProperty("node.id", "1");
        // A static voter set read from this file at each start, rather than the dynamic quorum of
        // `format --standalone`, which stores the controller endpoint in the metadata log and so
        // would tie the data dir to the first controller port.
        p.setProperty("controller.quorum.voters", "1@" + host + ":" + controllerPort);
        p.setProperty("listeners", "PLAINTEXT://" + host + ":" + port + ",CONTROLLER://" + host + ":" + controllerPort);
        p.setProperty("advertised.listeners", "PLAINTEXT://" + host + ":" + port);
        p.setProperty("controller.listener.names", "CONTROLLER");
        p.setProperty("inter.broker.listener.name", "PLAINTEXT");
        p.setProperty("listener.security.protocol.map", "CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT");
        p.setProperty("log.dirs", logDir.toString());
        p.setProperty("num.partitions", "3");
        p.setProperty("auto.create.topics.enable", "true");
        // One broker: every replication factor and ISR minimum must be 1 or nothing can be written.
        p.setProperty("default.replication.factor", "1");
        p.setProperty("min.insync.replicas", "1");
        p.setProperty("offsets.topic.replication.factor", "1");
        p.setProperty("transaction.state.log.replication.factor", "1");
        p.setProperty("transaction.state.log.min.isr", "1");
        p.setProperty("share.coordinator.state.topic.replication.factor", "1");
        p.setProperty("share.coordinator.state.topic.min.isr", "1");
        // Fewer internal partitions and no join delay: the first consumer group of a test run is
        // ready in well under a second instead of several.
        p.setProperty("offsets.topic.num.partitions", "5");
        p.setProperty("transaction.state.log.num.partitions", "5");
        p.setProperty("group.initial.rebalance.delay.ms", "0");
        return p;
    }

    private static void writeConfig(Path file, Properties properties) throws IOException {
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            properties.store(out, "Written by KafkaBrokerMain at each start; edits are overwritten.");
        }
    }

    private static void format(Path config) {
        String clusterId = Uuid.randomUuid().toString();
        // execute() rather than main(): main() calls System.exit, even on success.
        int code = StorageTool.execute(
                new String[] {"format", "--cluster-id", clusterId, "--config", config.toString()},
                System.out);
        if (code != 0) {
            System.err.println("kafka storage format failed with exit code " + code);
            System.exit(code);
        }
        System.out.println("formatted kafka log dir, cluster id " + clusterId);
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
