package io.safetyhub.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The simulator's open-loop load generator ({@code --scenario load}) as a child process, so that its CPU and memory
 * are measured apart from the bench's own. Each window's closing log line says what the endpoint PUBACKed, how late
 * the schedule ran, how long PUBACKs took and what a message cost the generator. Either one process per window
 * ({@link #start}: its devices log in for that window), or one kept across windows ({@link #fleet}: its devices log in
 * once and stay connected, each window a line on its standard input).
 */
public final class LoadProcess implements LoadRun, AutoCloseable {
    private static final Pattern RESULT = Pattern.compile(
            "sent (\\d+), acknowledged (\\d+), refused (\\d+) in (\\d+) ms");
    private static final Pattern DETAIL = Pattern.compile("in doubt (\\d+); window (\\d+); lateness us "
            + "p50/p99/p99.9/max (-?\\d+)/(-?\\d+)/(-?\\d+)/(-?\\d+); puback us p50/p99/p99.9/max "
            + "(-?\\d+)/(-?\\d+)/(-?\\d+)/(-?\\d+); cpu (-?[\\d.]+) us/msg(?:; resent (\\d+))?");

    /** What the generator reported; {@code acked} -1 when it printed no result line (it died). */
    public record Result(long sent, long acked, long refused, long elapsedMs, int exitCode, List<String> tail,
                         Generator generator) {
    }

    /**
     * The generator's own figures: messages still unanswered at the end (the connection went before their PUBACK),
     * messages in flight at most, lateness against the schedule and PUBACK time (µs: p50, p99, p99.9, max), its
     * CPU per message, and how many messages lost their connection before the PUBACK and were sent again (each may be
     * on Kafka twice); all -1 when its output had no such line.
     */
    public record Generator(long inDoubt, int window, long[] latenessUs, long[] pubackUs, double cpuMicrosPerMessage,
                            long resent) {
        static final Generator UNKNOWN = new Generator(-1, -1, new long[] {-1, -1, -1, -1}, new long[] {-1, -1, -1, -1},
                -1, -1);
    }

    private final Process process;
    private final List<String> output = new ArrayList<>();
    private final Thread reader;

    private final Path log;
    /** The generator's output has ended (its process is gone); guarded by {@code output}. */
    private boolean ended;

    /** Watches a generator started elsewhere (tests: a stand-in that speaks the simulator's lines). */
    static LoadProcess watching(Process process, Path log) {
        return new LoadProcess(process, log);
    }

    private LoadProcess(Process process, Path log) {
        this.process = process;
        this.log = log;
        this.reader = new Thread(this::read, "load-output");
        reader.setDaemon(true);
        reader.start();
    }

    /**
     * {@code devices} LOAD-… devices at {@code perDevice} messages/s each for {@code seconds}, sent by the simulator's
     * {@code client} ({@code vertx}: event-loop clients for throughput; {@code paho}: devices that resend after a fault).
     * Everything it prints is also written to {@code log} (replaced), for reading after the run.
     */
    public static LoadProcess start(String simulatorJar, DeviceAccess access, int devices, double perDevice,
                                    int connections, int inFlight, int seconds, String client, Path log) {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m", "-Xss512k", "-jar", simulatorJar, "--scenario", "load"));
        command.addAll(access.simulatorArgs());
        command.addAll(List.of("--devices", Integer.toString(devices), "--rate", Double.toString(perDevice),
                "--connections", Integer.toString(connections), "--in-flight", Integer.toString(inFlight),
                "--duration", Integer.toString(seconds), "--opcua-port", "0", "--load-client", client));
        try {
            java.nio.file.Files.createDirectories(log.toAbsolutePath().getParent());
            return new LoadProcess(new ProcessBuilder(command).redirectErrorStream(true).start(), log);
        } catch (IOException e) {
            throw new IllegalStateException("cannot start the load generator " + simulatorJar + ": " + e.getMessage(), e);
        }
    }

    /**
     * One generator for several windows ({@code --windows stdin}): its {@code devices} log in once, now, and stay
     * connected; {@link #window} sends each. {@link #close} ends it.
     */
    public static LoadProcess fleet(String simulatorJar, DeviceAccess access, int devices, int connections,
                                    int inFlight, String client, Path log) {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m", "-Xss512k", "-jar", simulatorJar, "--scenario", "load", "--windows", "stdin"));
        command.addAll(access.simulatorArgs());
        command.addAll(List.of("--devices", Integer.toString(devices), "--connections", Integer.toString(connections),
                "--in-flight", Integer.toString(inFlight), "--opcua-port", "0", "--load-client", client));
        try {
            java.nio.file.Files.createDirectories(log.toAbsolutePath().getParent());
            return new LoadProcess(new ProcessBuilder(command).redirectErrorStream(true).start(), log);
        } catch (IOException e) {
            throw new IllegalStateException("cannot start the load generator " + simulatorJar + ": " + e.getMessage(), e);
        }
    }

    /** The next window of a {@link #fleet}: {@code perDevice} messages/s from each device for {@code seconds}. */
    public LoadRun window(double perDevice, int seconds) {
        int from;
        synchronized (output) {
            from = output.size();
        }
        try {
            java.io.OutputStream in = process.getOutputStream();
            in.write((perDevice + " " + seconds + "\n").getBytes(StandardCharsets.UTF_8));
            in.flush();
        } catch (IOException e) {
            throw new IllegalStateException("the load generator took no window (it ended?): " + e.getMessage(), e);
        }
        return new LoadRun() {
            @Override
            public long pid() {
                return process.pid();
            }

            @Override
            public boolean awaitSending(java.time.Duration max) throws InterruptedException {
                return awaitLine(from, "load: window of", max) >= 0;
            }

            @Override
            public Result await() throws InterruptedException {
                int end = awaitLine(from, "load: sent ", java.time.Duration.ofSeconds(seconds + 600L));
                List<String> lines;
                synchronized (output) {
                    lines = List.copyOf(output.subList(from, end >= 0 ? end + 1 : output.size()));
                }
                return parse(lines, end >= 0 ? 0 : process.isAlive() ? -1 : process.exitValue());
            }
        };
    }

    /** Ends a {@link #fleet}'s input: its devices disconnect and it exits. */
    @Override
    public void close() throws InterruptedException {
        try {
            process.getOutputStream().close();
        } catch (IOException gone) {
            // already ended
        }
        if (!process.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) {
            process.destroy();
        }
    }

    @Override
    public long pid() {
        return process.pid();
    }

    private void read() {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(),
                StandardCharsets.UTF_8));
             java.io.Writer file = java.nio.file.Files.newBufferedWriter(log, StandardCharsets.UTF_8)) {
            String line;
            while ((line = in.readLine()) != null) {
                synchronized (output) {
                    output.add(line);
                    output.notifyAll();
                }
                file.write(line);
                file.write('\n');
                file.flush();
            }
        } catch (IOException ended) {
            // the process is gone; what it printed is kept
        } finally {
            synchronized (output) {
                ended = true;
                output.notifyAll();
            }
        }
    }

    /**
     * The index of the first line at or after {@code from} that contains {@code text}; -1 when the process ended
     * without printing one, or {@code max} passed.
     */
    private int awaitLine(int from, String text, java.time.Duration max) throws InterruptedException {
        long deadline = System.nanoTime() + max.toNanos();
        synchronized (output) {
            for (int i = from; ; ) {
                for (; i < output.size(); i++) {
                    if (output.get(i).contains(text)) {
                        return i;
                    }
                }
                long left = deadline - System.nanoTime();
                if (ended || left <= 0) {
                    return -1;
                }
                java.util.concurrent.TimeUnit.NANOSECONDS.timedWait(output, left);
            }
        }
    }

    /**
     * Waits until every device has logged in and the schedule starts (a thousand logins take a while against an
     * endpoint that hashes passwords slowly, on purpose): the window, its CPU figures and any fault are timed from
     * here, not from the process start. False when {@code max} passed first.
     */
    @Override
    public boolean awaitSending(java.time.Duration max) throws InterruptedException {
        return awaitLine(0, "messages in flight at most", max) >= 0;
    }

    /** Waits for the generator to end and parses its result line. */
    @Override
    public Result await() throws InterruptedException {
        int code = process.waitFor();
        reader.join(5_000);
        List<String> lines;
        synchronized (output) {
            lines = List.copyOf(output);
        }
        return parse(lines, code);
    }

    static Result parse(List<String> lines, int code) {
        List<String> tail = lines.subList(Math.max(0, lines.size() - 5), lines.size());
        for (int i = lines.size() - 1; i >= 0; i--) {
            Matcher m = RESULT.matcher(lines.get(i));
            if (m.find()) {
                return new Result(Long.parseLong(m.group(1)), Long.parseLong(m.group(2)), Long.parseLong(m.group(3)),
                        Long.parseLong(m.group(4)), code, tail, generator(lines.get(i)));
            }
        }
        return new Result(-1, -1, -1, -1, code, tail, Generator.UNKNOWN);
    }

    static Generator generator(String line) {
        Matcher d = DETAIL.matcher(line);
        if (!d.find()) {
            return Generator.UNKNOWN;
        }
        long[] lateness = new long[4];
        long[] puback = new long[4];
        for (int i = 0; i < 4; i++) {
            lateness[i] = Long.parseLong(d.group(3 + i));
            puback[i] = Long.parseLong(d.group(7 + i));
        }
        return new Generator(Long.parseLong(d.group(1)), Integer.parseInt(d.group(2)), lateness, puback,
                Double.parseDouble(d.group(11)), d.group(12) == null ? 0 : Long.parseLong(d.group(12)));
    }

    public static List<String> deviceIds(int devices) {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < devices; i++) {
            ids.add(String.format("LOAD-%05d", i + 1));
        }
        return ids;
    }
}
