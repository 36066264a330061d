package io.safetyhub.bench;

import org.eclipse.milo.opcua.sdk.client.OpcUaClient;
import org.eclipse.milo.opcua.sdk.client.subscriptions.OpcUaMonitoredItem;
import org.eclipse.milo.opcua.sdk.client.subscriptions.OpcUaSubscription;
import org.eclipse.milo.opcua.stack.core.security.SecurityPolicy;
import org.eclipse.milo.opcua.stack.core.types.builtin.LocalizedText;
import org.eclipse.milo.opcua.stack.core.types.builtin.NodeId;
import org.eclipse.milo.opcua.stack.core.types.builtin.unsigned.UInteger;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Monitored items on one session against CPU: for each item count a fresh server process with that many changing
 * variables, one client session with one subscription holding all items, notifications counted for a fixed time.
 * It bends where the notifications delivered fall short of the changes offered or CPU stops growing in step.
 */
public final class OpcUaBench {
    /** One item count's figures. */
    public record Point(int items, double offeredPerSecond, double deliveredPerSecond, double deliveredShare,
                        double clientCores, double serverCores, long clientRssMb, long serverRssMb, String note) {
    }

    private OpcUaBench() {
    }

    public static int run(Target target, Options o) throws Exception {
        List<Integer> counts = o.integers("items", "100,500,1000,2000,5000,10000");
        int changeMs = o.integer("change-ms", 100);
        int samplingMs = o.integer("sampling-ms", 50);
        int publishingMs = o.integer("publishing-ms", 1000);
        int seconds = o.integer("seconds", 20);
        o.rejectUnknown();
        List<Point> points = new ArrayList<>();
        for (int n : counts) {
            Point p = measure(n, changeMs, samplingMs, publishingMs, seconds);
            System.out.printf("bench: opcua %d items: %.0f of %.0f changes/s delivered (%.0f %%), client %.2f cores, "
                            + "server %.2f cores %s%n", n, p.deliveredPerSecond(), p.offeredPerSecond(),
                    p.deliveredShare() * 100, p.clientCores(), p.serverCores(), p.note());
            points.add(p);
        }
        write(target.root(), points, changeMs, samplingMs, publishingMs, seconds);
        return 0;
    }

    static Point measure(int items, int changeMs, int samplingMs, int publishingMs, int seconds) throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        String jar = Path.of(OpcUaBench.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
        Process server = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m", "-cp", jar + ":" + Path.of(jar).getParent().resolve("lib") + "/*", BenchMain.class.getName(),
                "opcua-server", Integer.toString(port), "--nodes", Integer.toString(items),
                "--change-ms", Integer.toString(changeMs)).redirectErrorStream(true).start();
        OpcUaClient client = null;
        try {
            awaitReady(server);
            String url = "opc.tcp://127.0.0.1:" + port + OpcUaLoadServer.PATH;
            client = OpcUaClient.create(url, endpoints -> endpoints.stream()
                            .filter(e -> SecurityPolicy.None.getUri().equals(e.getSecurityPolicyUri())).findFirst(),
                    transport -> { }, builder -> builder.setApplicationName(LocalizedText.english("SafetyHub bench"))
                            .setApplicationUri("urn:safetyhub:bench-client").setRequestTimeout(UInteger.valueOf(60_000)));
            client.connect();
            OpcUaSubscription subscription = new OpcUaSubscription(client, (double) publishingMs);
            subscription.create();
            AtomicLong delivered = new AtomicLong();
            List<OpcUaMonitoredItem> monitored = new ArrayList<>();
            for (int i = 0; i < items; i++) {
                OpcUaMonitoredItem item = OpcUaMonitoredItem.newDataItem(new NodeId(2, "Load/" + i));
                item.setSamplingInterval(samplingMs);
                // A queue per item deep enough for one publishing interval of changes: none is discarded by design.
                item.setQueueSize(UInteger.valueOf(Math.max(1, publishingMs / Math.max(changeMs, samplingMs) + 1)));
                item.setDataValueListener((m, v) -> delivered.incrementAndGet());
                monitored.add(item);
            }
            subscription.addMonitoredItems(monitored);
            String note = "";
            try {
                subscription.synchronizeMonitoredItems();
            } catch (RuntimeException | org.eclipse.milo.opcua.sdk.client.subscriptions.MonitoredItemSynchronizationException e) {
                note = "items refused: " + e.getMessage();
            }
            Thread.sleep(Math.max(3_000, 2L * publishingMs)); // settle: initial values and JIT
            Map<String, Long> pids = new LinkedHashMap<>();
            pids.put("client", ProcessHandle.current().pid());
            pids.put("server", server.pid());
            Map<String, ProcSampler.Sample> before = ProcSampler.sample(pids);
            long d0 = delivered.get();
            long t0 = System.nanoTime();
            Thread.sleep(seconds * 1000L);
            long d1 = delivered.get();
            double window = (System.nanoTime() - t0) / 1e9;
            List<ProcSampler.Usage> usage = ProcSampler.usage(before, ProcSampler.sample(pids), window);
            double offered = items * 1000.0 / Math.max(changeMs, samplingMs);
            double rate = (d1 - d0) / window;
            return new Point(items, offered, Math.round(rate), Math.round(rate / offered * 1000) / 1000.0,
                    usage.get(0).cores(), usage.size() > 1 ? usage.get(1).cores() : -1, usage.get(0).rssMb(),
                    usage.size() > 1 ? usage.get(1).rssMb() : -1, note);
        } finally {
            if (client != null) {
                try {
                    client.disconnect();
                } catch (Exception e) {
                    // the server goes next anyway
                }
            }
            server.destroy();
            server.waitFor();
        }
    }

    private static void awaitReady(Process server) throws Exception {
        BufferedReader out = new BufferedReader(new InputStreamReader(server.getInputStream(), StandardCharsets.UTF_8));
        String line;
        while ((line = out.readLine()) != null) {
            if (line.startsWith("ready")) {
                Thread drain = new Thread(() -> {
                    try {
                        while (out.readLine() != null) {
                            // keep the pipe empty so that the server never blocks on its log
                        }
                    } catch (java.io.IOException ended) {
                        // gone
                    }
                }, "opcua-server-log");
                drain.setDaemon(true);
                drain.start();
                return;
            }
        }
        throw new IllegalStateException("the OPC UA bench server exited before it was ready");
    }

    static void write(Path root, List<Point> points, int changeMs, int samplingMs, int publishingMs, int seconds)
            throws Exception {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("bench", "opcua-monitored-items");
        json.put("machine", Report.machine(root));
        json.put("settings", Map.of("changeMs", changeMs, "samplingMs", samplingMs, "publishingMs", publishingMs,
                "seconds", seconds));
        json.put("points", points);
        Path dir = root.resolve("bench/results");
        Report.writeJson(dir.resolve("opcua.json"), json);
        StringBuilder md = new StringBuilder("# OPC UA: monitored items on one session vs CPU\n\n");
        @SuppressWarnings("unchecked")
        Map<String, Object> machine = (Map<String, Object>) json.get("machine");
        md.append(Report.describe(machine)).append(String.format(
                ".%n%nEvery variable changes every %d ms; one session, one subscription (publishing %d ms), every item "
                        + "sampled at %d ms; bare Milo 1.1.1 client in the bench JVM, Milo server in its own JVM; "
                        + "%d s per point.%n%n", changeMs, publishingMs, samplingMs, seconds));
        md.append("| items | changes offered/s | notifications delivered/s | delivered | client CPU cores | server CPU "
                + "cores | client RSS MiB | server RSS MiB | note |\n|---|---|---|---|---|---|---|---|---|\n");
        for (Point p : points) {
            md.append(String.format("| %d | %.0f | %.0f | %.0f %% | %.2f | %.2f | %d | %d | %s |%n", p.items(),
                    p.offeredPerSecond(), p.deliveredPerSecond(), p.deliveredShare() * 100, p.clientCores(),
                    p.serverCores(), p.clientRssMb(), p.serverRssMb(), p.note()));
        }
        Point bend = points.stream().filter(p -> p.deliveredShare() < 0.95 || p.clientCores() + p.serverCores() > 1.5)
                .findFirst().orElse(null);
        md.append('\n').append(bend == null ? "No point bent (every one delivered at least 95 % of the changes with "
                + "client + server under 1.5 cores)." : String.format("Bends at %d items: %.0f %% of the changes "
                + "delivered, client + server %.2f cores.", bend.items(), bend.deliveredShare() * 100,
                bend.clientCores() + bend.serverCores())).append('\n');
        Report.writeMarkdown(dir.resolve("opcua.md"), md.toString());
    }
}
