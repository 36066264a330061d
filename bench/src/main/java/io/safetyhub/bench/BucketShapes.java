package io.safetyhub.bench;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import org.bson.Document;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;

/**
 * {@code bench/run bucket-shapes}: the embedded MongoDB's (mongo-wire's) CPU per history sample when a minute's
 * buckets are sealed, for the two stored shapes of warning-service's {@code reading_buckets}: {@code arrays} (t and v
 * as arrays of dates and doubles, until 2026-12-03) and {@code binary} (8 bytes a sample). Each shape gets a fresh
 * mongo-wire process and file of its own; every minute, one bucket per device is inserted in chunks of at most 16,384
 * samples, as {@code MongoBucketRepository} does, and the server's CPU is read from /proc before and after. Needs no
 * stack: only the built devstack/mongo-wire module.
 */
final class BucketShapes {
    private static final long T0 = 1_796_000_000_000L;
    private static final int MAX_SAMPLES_PER_INSERT = 16_384;

    private BucketShapes() {
    }

    static int run(Path root, Options o) throws Exception {
        int minutes = o.integer("minutes", 12);
        int devices = o.integer("devices", 1000);
        int samples = o.integer("samples", 600);
        String name = o.get("name", "bucket-shapes");
        o.rejectUnknown();
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("bench", name);
        json.put("machine", Report.machine(root));
        StringBuilder md = new StringBuilder("# History bucket shapes in the embedded MongoDB (`bench/run bucket-shapes`)\n\n")
                .append(Report.describe(Report.machine(root))).append(".\n\n")
                .append(String.format(Locale.ROOT, "Every minute %d buckets (one per device) of %d samples, inserted in"
                        + " chunks of at most %,d samples into a fresh mongo-wire per shape.%n%n", devices, samples,
                        MAX_SAMPLES_PER_INSERT))
                .append("| shape | minute | mongo-wire CPU s | µs per sample | wall s |\n|---|---|---|---|---|\n");
        for (String shape : List.of("arrays", "binary")) {
            List<Map<String, Object>> rows = measure(root, shape, minutes, devices, samples, md);
            json.put(shape, rows);
        }
        Path dir = root.resolve("bench/results");
        Report.writeJson(dir.resolve(name + ".json"), json);
        Report.writeMarkdown(dir.resolve(name + ".md"), md.toString());
        System.out.println("bench: wrote " + dir.resolve(name + ".json") + " and " + name + ".md");
        return 0;
    }

    private static List<Map<String, Object>> measure(Path root, String shape, int minutes, int devices, int samples,
                                                     StringBuilder md) throws Exception {
        Path data = Files.createTempDirectory("bucket-shapes-" + shape);
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        Path module = root.resolve("devstack/mongo-wire/target");
        Path jar;
        try (var found = Files.list(module)) {
            jar = found.filter(p -> p.getFileName().toString().endsWith(".jar")).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("devstack/mongo-wire is not built (./mvnw install)"));
        }
        String classpath = jar + ":" + Files.readString(module.resolve("classpath.txt")).trim();
        Process server = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx1g",
                "-cp", classpath, "io.safetyhub.devstack.mongo.MongoWireServerMain", Integer.toString(port),
                data.resolve("mongo.mv").toString()).redirectErrorStream(true)
                .redirectOutput(data.resolve("server.log").toFile()).start();
        List<Map<String, Object>> rows = new ArrayList<>();
        Random random = new Random(1);
        try (MongoClient client = MongoClients.create("mongodb://127.0.0.1:" + port + "/?serverSelectionTimeoutMS=60000")) {
            MongoCollection<Document> buckets = client.getDatabase("bench").getCollection("reading_buckets");
            buckets.countDocuments(); // waits for the server to listen
            for (int m = 0; m < minutes; m++) {
                long start = T0 + m * 60_000L;
                double before = cpuSeconds(server.pid());
                long wall = System.nanoTime();
                List<Document> chunk = new ArrayList<>();
                for (int d = 0; d < devices; d++) {
                    chunk.add(bucket(shape, String.format(Locale.ROOT, "LOAD-%04d|gas_lel|%d", d, start), start, samples,
                            random));
                    if ((chunk.size() + 1) * samples > MAX_SAMPLES_PER_INSERT) {
                        buckets.insertMany(chunk);
                        chunk.clear();
                    }
                }
                if (!chunk.isEmpty()) {
                    buckets.insertMany(chunk);
                }
                double cpu = cpuSeconds(server.pid()) - before;
                double seconds = (System.nanoTime() - wall) / 1e9;
                double perSample = cpu * 1e6 / ((double) devices * samples);
                rows.add(Map.of("minute", m, "cpuSeconds", cpu, "microsPerSample", perSample, "wallSeconds", seconds));
                md.append(String.format(Locale.ROOT, "| %s | %d | %.2f | %.2f | %.1f |%n", shape, m, cpu, perSample,
                        seconds));
            }
        } finally {
            server.destroy();
            server.waitFor(30, TimeUnit.SECONDS);
        }
        long bytes = Files.size(data.resolve("mongo.mv"));
        md.append(String.format(Locale.ROOT, "| %s | file | %.0f MB | | |%n", shape, bytes / 1e6));
        deleteTree(data);
        return rows;
    }

    /** A bucket as warning-service's BucketColumns writes it, in one of the two shapes. */
    private static Document bucket(String shape, String id, long start, int samples, Random random) {
        Document d = new Document("_id", id).append("deviceId", id.substring(0, id.indexOf('|')))
                .append("enterpriseId", "chem-banan-01").append("metric", "gas_lel").append("unit", "%LEL")
                .append("bucketStart", new Date(start)).append("expireAt", new Date(start + 30L * 86_400_000L));
        if (shape.equals("arrays")) {
            List<Date> t = new ArrayList<>(samples);
            List<Double> v = new ArrayList<>(samples);
            for (int i = 0; i < samples; i++) {
                t.add(new Date(start + i * 100L));
                v.add(random.nextDouble() * 30);
            }
            d.append("t", t).append("v", v);
        } else {
            ByteBuffer t = ByteBuffer.allocate(samples * 8);
            ByteBuffer v = ByteBuffer.allocate(samples * 8);
            for (int i = 0; i < samples; i++) {
                t.putLong(start + i * 100L);
                v.putDouble(random.nextDouble() * 30);
            }
            d.append("t", t.array()).append("v", v.array());
        }
        return d.append("count", (long) samples).append("sum", 15.0 * samples).append("min", 0.0).append("max", 30.0);
    }

    private static double cpuSeconds(long pid) {
        return ProcSampler.sample(Map.of("mongo-wire", pid)).get("mongo-wire").cpuSeconds();
    }

    private static void deleteTree(Path dir) throws IOException {
        try (var all = Files.walk(dir)) {
            all.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
