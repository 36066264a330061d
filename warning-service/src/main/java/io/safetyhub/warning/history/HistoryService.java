package io.safetyhub.warning.history;

import io.safetyhub.warning.config.WarningConfig;
import io.safetyhub.warning.enterprise.TenantScope;
import io.safetyhub.platform.rest.DomainException;
import io.safetyhub.platform.Caller;
import jakarta.enterprise.context.ApplicationScoped;
import org.bson.Document;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Readings of one device and metric over a time range, down-sampled, within the caller's scope. */
@ApplicationScoped
public class HistoryService {
    private final HistoryStore store;
    private final TenantScope scope;
    private final WarningConfig config;

    public HistoryService(HistoryStore store, TenantScope scope, WarningConfig config) {
        this.store = store;
        this.scope = scope;
        this.config = config;
    }

    public HistoryView query(Caller caller, String deviceId, String metric, Instant from, Instant to, Duration step) {
        if (!to.isAfter(from)) {
            throw DomainException.field("to", "must be after from");
        }
        if (Duration.between(from, to).compareTo(config.history().maxQueryRange()) > 0) {
            throw DomainException.field("to", "a query may span at most " + config.history().maxQueryRange().toHours() + " h");
        }
        if (step.compareTo(Duration.ofMinutes(1)) < 0 || step.toSeconds() % 60 != 0) {
            throw DomainException.field("step", "must be a whole number of minutes, at least PT1M");
        }
        Instant first = from.truncatedTo(ChronoUnit.MINUTES);
        List<String> ids = new ArrayList<>();
        for (Instant m = first; m.isBefore(to); m = m.plus(1, ChronoUnit.MINUTES)) {
            ids.add(HistoryStore.bucketId(deviceId, metric, m));
        }
        Map<Instant, double[]> steps = new TreeMap<>(); // min, max, sum, count
        String unit = null;
        long stepMs = step.toMillis();
        for (Document b : store.summariesByIds(ids)) {
            if (!scope.visible(caller, b.getString("enterpriseId")) || b.get("min") == null) {
                continue;
            }
            unit = b.getString("unit");
            add(steps, key(first, b.getDate("bucketStart").getTime(), stepMs), b.get("min", Number.class).doubleValue(),
                    b.get("max", Number.class).doubleValue(), b.get("sum", Number.class).doubleValue(),
                    b.get("count", Number.class).doubleValue());
        }
        // The current minute (and any not yet sealed) is in memory until its bucket is inserted: a reading shows
        // within a second, as before. A bucket both stored and open (a late reading) adds the open samples only.
        for (BucketSealer.Summary open : store.openSummaries(ids).values()) {
            double[] s = open.minMaxSumCount();
            if (!scope.visible(caller, open.enterpriseId()) || s[3] == 0) {
                continue;
            }
            unit = unit == null ? open.unit() : unit;
            add(steps, key(first, open.start().toEpochMilli(), stepMs), s[0], s[1], s[2], s[3]);
        }
        List<HistoryView.Point> points = new ArrayList<>();
        steps.forEach((start, a) -> points.add(new HistoryView.Point(start, a[0], a[1], a[3] == 0 ? 0 : a[2] / a[3],
                (long) a[3])));
        return new HistoryView(deviceId, metric, unit, from, to, step.toSeconds(), points);
    }

    private static Instant key(Instant first, long bucketStart, long stepMs) {
        return Instant.ofEpochMilli(first.toEpochMilli() + (bucketStart - first.toEpochMilli()) / stepMs * stepMs);
    }

    private static void add(Map<Instant, double[]> steps, Instant key, double min, double max, double sum,
                            double count) {
        double[] acc = steps.computeIfAbsent(key, k -> new double[]{Double.MAX_VALUE, -Double.MAX_VALUE, 0, 0});
        acc[0] = Math.min(acc[0], min);
        acc[1] = Math.max(acc[1], max);
        acc[2] += sum;
        acc[3] += count;
    }
}
