package io.safetyhub.bench;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * The processes of the peer run, each started from here with its output in {@code bench/peers/run/logs/}, and all
 * stopped (SIGTERM, then kill) when closed: Debian's mosquitto with the peer's configuration, Node-RED with the
 * committed flow, and the floor ({@code bench.jar mqtt-floor}).
 */
final class PeerProcesses implements AutoCloseable {
    /** One started process and what it printed. */
    static final class Child {
        final String name;
        final Process process;
        private final List<String> lines = new ArrayList<>();

        Child(String name, Process process, Path log) {
            this.name = name;
            this.process = process;
            Thread reader = new Thread(() -> {
                try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(),
                        StandardCharsets.UTF_8)); PrintWriter out = new PrintWriter(Files.newBufferedWriter(log))) {
                    String line;
                    while ((line = in.readLine()) != null) {
                        out.println(line);
                        out.flush();
                        synchronized (lines) {
                            lines.add(line);
                            if (lines.size() > 200) {
                                lines.remove(0);
                            }
                        }
                    }
                } catch (IOException ended) {
                    // the process is gone
                }
            }, name + "-output");
            reader.setDaemon(true);
            reader.start();
        }

        long pid() {
            return process.pid();
        }

        List<String> lines() {
            synchronized (lines) {
                return List.copyOf(lines);
            }
        }

        /** Waits until a line matches (the process is ready) or it exits or {@code timeout} passes. */
        void awaitLine(Predicate<String> ready, Duration timeout) throws InterruptedException {
            long deadline = System.nanoTime() + timeout.toNanos();
            while (System.nanoTime() < deadline && process.isAlive()) {
                if (lines().stream().anyMatch(ready)) {
                    return;
                }
                Thread.sleep(200);
            }
            throw new IllegalStateException(name + " not ready within " + timeout + (process.isAlive() ? ""
                    : " (exited " + process.exitValue() + ")") + "; last lines: " + tail());
        }

        String tail() {
            List<String> l = lines();
            return String.join(" | ", l.subList(Math.max(0, l.size() - 5), l.size()));
        }
    }

    private final Path run;
    private final List<Child> children = new ArrayList<>();

    PeerProcesses(Path run) throws IOException {
        this.run = run;
        Files.createDirectories(run.resolve("logs"));
    }

    static Optional<Path> mosquittoBinary() {
        String path = Optional.ofNullable(System.getenv("PATH")).orElse("") + File.pathSeparator + "/usr/sbin";
        return Stream.of(path.split(File.pathSeparator)).filter(d -> !d.isBlank()).map(d -> Path.of(d, "mosquitto"))
                .filter(Files::isExecutable).findFirst();
    }

    /**
     * The peer's mosquitto: what an integrator sets so that acknowledged QoS 1 messages survive a crash as far as
     * mosquitto allows. It acknowledges a message once it is in memory and never writes before the PUBACK; with
     * {@code autosave_on_changes} it writes its whole database (queued messages, sessions, retained) after every
     * {@code autosave_interval} changes, so a kill -9 loses at most the messages of the last 1,000 changes that were
     * still queued for a subscriber; what Node-RED already received is Node-RED's (it acknowledges on receipt).
     */
    static String mosquittoConfig(int port, Path data) {
        return String.join("\n",
                "# Written by bench/run peers at each start.",
                "listener " + port + " 127.0.0.1",
                "allow_anonymous true",
                "persistence true",
                "persistence_location " + data + "/",
                "autosave_on_changes true",
                "autosave_interval 1000",
                "max_queued_messages 1000000",
                "max_inflight_messages 1000",
                "log_dest stdout",
                "log_type error",
                "log_type warning",
                "log_type notice",
                "");
    }

    Child mosquitto(String name, int port) throws IOException, InterruptedException {
        Path binary = mosquittoBinary().orElseThrow(() -> new IllegalStateException(
                "no mosquitto: bench/run installs Debian's package (apt-get install mosquitto)"));
        Path data = run.resolve(name);
        Files.createDirectories(data);
        // Each run starts from an empty broker: no session or queue left by an earlier run.
        Files.deleteIfExists(data.resolve("mosquitto.db"));
        Path config = data.resolve("mosquitto.conf");
        Files.writeString(config, mosquittoConfig(port, data));
        Child child = start(name, List.of(binary.toString(), "-c", config.toString()), Map.of());
        awaitPort(child, port, Duration.ofSeconds(20));
        return child;
    }

    Child nodeRed(Path peerDir, int brokerPort, int uiPort, Path readings) throws IOException, InterruptedException {
        Path red = peerDir.resolve("node_modules/node-red/red.js");
        if (!Files.isRegularFile(red)) {
            throw new IllegalStateException("no Node-RED at " + red + ": bench/run installs it (npm ci in " + peerDir + ")");
        }
        Path userDir = run.resolve("node-red");
        Files.createDirectories(userDir);
        Child child = start("node-red", List.of("node", red.toString(), "--settings",
                peerDir.resolve("settings.js").toString(), "--userDir", userDir.toString()), Map.of(
                "PEER_MQTT_HOST", "127.0.0.1", "PEER_MQTT_PORT", Integer.toString(brokerPort),
                "PEER_NODE_RED_PORT", Integer.toString(uiPort), "PEER_READINGS_FILE", readings.toString()));
        child.awaitLine(l -> l.contains("Connected to broker"), Duration.ofSeconds(90));
        return child;
    }

    Child floor(String benchJar, int port) throws IOException, InterruptedException {
        Child child = start("floor", List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-jar", benchJar, "mqtt-floor", Integer.toString(port)), Map.of());
        child.awaitLine(l -> l.startsWith("floor: listening"), Duration.ofSeconds(30));
        return child;
    }

    /** The floor's last count of PUBLISHes received; -1 before its first report. */
    static long floorReceived(Child floor) {
        List<String> lines = floor.lines();
        for (int i = lines.size() - 1; i >= 0; i--) {
            String l = lines.get(i);
            if (l.startsWith("floor: received ")) {
                return Long.parseLong(l.substring("floor: received ".length()).split(" ")[0]);
            }
        }
        return -1;
    }

    private Child start(String name, List<String> command, Map<String, String> env) throws IOException {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().putAll(env);
        Child child = new Child(name, builder.start(), run.resolve("logs/" + name + ".log"));
        children.add(child);
        return child;
    }

    private static void awaitPort(Child child, int port, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline && child.process.isAlive()) {
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress("127.0.0.1", port), 500);
                return;
            } catch (IOException notYet) {
                Thread.sleep(200);
            }
        }
        throw new IllegalStateException(child.name + " does not listen on " + port + ": " + child.tail());
    }

    /** Stops one child: SIGTERM, then SIGKILL after 10 s. */
    void stop(Child child) throws InterruptedException {
        child.process.destroy();
        if (!child.process.waitFor(10, java.util.concurrent.TimeUnit.SECONDS)) {
            child.process.destroyForcibly().waitFor();
        }
        children.remove(child);
    }

    @Override
    public void close() throws InterruptedException {
        for (Child child : List.copyOf(children)) {
            stop(child);
        }
    }
}
