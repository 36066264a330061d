package io.safetyhub.bench;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.bson.Document;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

/**
 * The pipeline's own counts, read from the outside: Kafka's end offsets of the readings topic, the offsets
 * warning-service committed (it commits a batch only after storing it), its readings counter, and the samples in
 * its history buckets. History is counted by bucket id (primary-key lookups) because a scan of the
 * whole collection is slow on the embedded server.
 */
public final class PipelineCounters implements AutoCloseable {
    static final String WARNING_READINGS = "safetyhub_warning_readings_total";
    static final String WARNING_BATCHES = "safetyhub_warning_reading_batches_total";
    public static final String READINGS = "telemetry.readings.v1";
    static final String GROUP = "warning-service";

    private final Admin admin;
    private final MongoClient mongo;
    private final MongoCollection<Document> buckets;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();
    private final String warningUrl;

    public PipelineCounters(String kafka, String mongoUrl, String warningUrl, String database) {
        Properties p = new Properties();
        p.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka);
        p.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 5000);
        p.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 10000);
        this.admin = Admin.create(p);
        this.mongo = MongoClients.create(mongoUrl);
        this.buckets = mongo.getDatabase(database).getCollection("reading_buckets");
        this.warningUrl = warningUrl;
    }

    /** Sum of the end offsets of every partition of the topic (records ever appended). */
    public long endOffsets(String topic) {
        try {
            var partitions = admin.describeTopics(List.of(topic)).allTopicNames().get(10, TimeUnit.SECONDS)
                    .get(topic).partitions();
            Map<TopicPartition, OffsetSpec> request = new HashMap<>();
            partitions.forEach(pi -> request.put(new TopicPartition(topic, pi.partition()), OffsetSpec.latest()));
            return admin.listOffsets(request).all().get(10, TimeUnit.SECONDS).values().stream()
                    .mapToLong(r -> r.offset()).sum();
        } catch (ExecutionException | java.util.concurrent.TimeoutException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    /** Sum of the offsets the group committed on the topic; -1 when Kafka does not answer. */
    public long committed(String group, String topic) {
        try {
            Map<TopicPartition, OffsetAndMetadata> offsets = admin.listConsumerGroupOffsets(group)
                    .partitionsToOffsetAndMetadata().get(10, TimeUnit.SECONDS);
            return offsets.entrySet().stream().filter(e -> e.getKey().topic().equals(topic) && e.getValue() != null)
                    .mapToLong(e -> e.getValue().offset()).sum();
        } catch (ExecutionException | java.util.concurrent.TimeoutException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    /**
     * {@code safetyhub_warning_readings_total} summed over its tags and over every replica ({@code --warning} may list
     * several URLs, comma-separated: each replica counts only the partitions it owns); -1 while one does not answer.
     */
    public double warningReadings() {
        double sum = 0;
        for (double one : perReplica(WARNING_READINGS)) {
            if (one < 0) {
                return -1;
            }
            sum += one;
        }
        return sum;
    }

    /**
     * How many polled batches each warning-service replica took the window's readings in: each batch costs the same
     * poll and dispatch whatever its size, so readings per batch says how much of a replica's CPU is per batch.
     */
    public String batchesSince(double[] readings0, double[] batches0) {
        double[] readings = perReplica(WARNING_READINGS);
        double[] batches = perReplica(WARNING_BATCHES);
        List<String> parts = new ArrayList<>();
        for (int i = 0; i < readings.length && i < readings0.length; i++) {
            double n = batches[i] - batches0[i];
            double r = readings[i] - readings0[i];
            parts.add(batches0[i] < 0 || n < 0 || r < 0 ? "replica " + (i + 1) + " unknown (restarted, or too old)"
                    : String.format("replica %d: %.0f readings in %.0f batches (%.1f each)", i + 1, r, n,
                    n == 0 ? 0 : r / n));
        }
        return "warning-service polled batches: " + String.join("; ", parts);
    }

    /** A counter of each warning-service replica, in the order of {@code --warning}; -1 for one that does not answer. */
    public double[] perReplica(String metric) {
        String[] urls = warningUrl.split(",");
        double[] values = new double[urls.length];
        for (int i = 0; i < urls.length; i++) {
            values[i] = warningMetric(urls[i].trim(), metric);
        }
        return values;
    }

    private double warningMetric(String url, String metric) {
        try {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(url + "/q/metrics"))
                    .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
            return r.statusCode() == 200 ? metricSum(r.body(), metric) : -1;
        } catch (java.io.IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    static double metricSum(String prometheus, String name) {
        double sum = 0;
        for (String line : prometheus.split("\n")) {
            if (line.startsWith(name + "{") || line.startsWith(name + " ")) {
                sum += Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
            }
        }
        return sum;
    }

    /**
     * Samples stored for these devices' {@code metric} in the minutes from {@code from} to {@code to}: the
     * buckets' {@code count} (every sample of a finite, not BAD value — all the bench sends).
     */
    public long historyCount(List<String> devices, String metric, Instant from, Instant to) {
        List<String> ids = new ArrayList<>();
        for (Instant m = from.truncatedTo(ChronoUnit.MINUTES); !m.isAfter(to); m = m.plus(1, ChronoUnit.MINUTES)) {
            for (String d : devices) {
                ids.add(d + "|" + metric + "|" + m);
            }
        }
        long total = 0;
        // Chunks keep each $in (and the embedded server's work per query) small.
        for (int i = 0; i < ids.size(); i += 2000) {
            for (Document d : buckets.find(Filters.in("_id", ids.subList(i, Math.min(ids.size(), i + 2000))))
                    .projection(Projections.include("count"))) {
                Object n = d.get("count");
                total += n instanceof Number number ? number.longValue() : 0;
            }
        }
        return total;
    }

    @Override
    public void close() {
        admin.close(Duration.ofSeconds(2));
        mongo.close();
    }
}
