package io.safetyhub.devstack.mongo;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Runs mongo-java-server with the H2 MVStore file backend: the MongoDB wire protocol for the
 * laptop stack and the tests, since no real mongod can be installed here.
 *
 * <p>Usage: {@code MongoWireServerMain [port] [data-file]}; both may also be given as the system
 * properties {@code safetyhub.mongo.port} and {@code safetyhub.mongo.file}.
 */
public final class MongoWireServerMain {

    private MongoWireServerMain() {
    }

    public static void main(String[] args) {
        int port = Integer.parseInt(setting(args, 0, "safetyhub.mongo.port", "27017"));
        Path file = Path.of(setting(args, 1, "safetyhub.mongo.file", ".safetyhub/data/mongo/mongo.mv"))
                .toAbsolutePath();
        try {
            Files.createDirectories(file.getParent());
            H2Backend backend = new IdFirstH2Backend(file.toString());
            MongoServer server = new MongoServer(backend);
            // The oplog makes change streams work. No service uses them, and with it on every update also
            // wrote an oplog document (bench/: ~15 % of this server's CPU at 1,500 readings/s, more in page
            // writes, and a file that grew without bound); -Dsafetyhub.mongo.oplog=true brings it back.
            if (Boolean.getBoolean("safetyhub.mongo.oplog")) {
                server.enableOplog();
            }
            server.bind("127.0.0.1", port);
            // shutdown() closes the backend, which commits and closes the MVStore: without it the
            // last second of writes is lost on every stop, not only on kill -9.
            Runtime.getRuntime().addShutdownHook(new Thread(server::shutdown, "mongo-wire-shutdown"));
            exitWithParent();
            System.out.println("mongo-wire ready on port " + port + " (data " + file + ")");
        } catch (Exception | Error e) {
            System.err.println("mongo-wire failed to start on port " + port + ": " + e);
            e.printStackTrace();
            // Netty threads are not daemons: without exit a failed bind would leave a zombie JVM.
            System.exit(1);
        }
    }

    static String setting(String[] args, int index, String property, String fallback) {
        if (args.length > index && !args[index].isBlank()) {
            return args[index];
        }
        return System.getProperty(property, fallback);
    }

    /**
     * The test harness passes its own pid so that a harness killed with -9 does not leave this
     * server running; the laptop stack does not, because there the server must outlive the CLI.
     */
    private static void exitWithParent() {
        String parent = System.getProperty("safetyhub.parent.pid");
        if (parent != null && !parent.isBlank()) {
            ProcessHandle.of(Long.parseLong(parent)).ifPresentOrElse(
                    handle -> handle.onExit().thenRun(() -> System.exit(0)),
                    () -> System.exit(0));
        }
    }
}
