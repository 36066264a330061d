package io.safetyhub.bench;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * SafetyHub against the peer and the floor, rate by rate, on the figures both sides have: accepted/s, loss, alarm
 * latency (device send to the alarm at the listener), PUBACK time at the generator, and the system's CPU per accepted
 * reading (every process but the generator and the bench, which are the same on both sides). A ratio above 1 means
 * SafetyHub needs more (time, CPU) or, for accepted/s, takes more.
 */
public final class PeerComparison {
    /** Processes that are the measuring side, not the system under test. */
    static final Set<String> MEASURING = Set.of("load generator", "bench (probe + listener)", "bench");

    /** One target's figures at one offered rate; -1 where it has none. */
    public record Figures(String target, int offeredPerSecond, double acceptedPerSecond, long accepted, long loss,
                          long alarmP50Ms, long alarmP99Ms, long pubackP99Us, double systemMicrosPerReading) {
    }

    private PeerComparison() {
    }

    /** SafetyHub's windows from a step results file ({@code bench/results/pipeline.json}). */
    public static List<Figures> safetyHub(JsonNode results) {
        List<Figures> out = new ArrayList<>();
        for (JsonNode w : results.path("windows")) {
            long accepted = w.path("accepted").asLong(-1);
            long stored = w.path("stored").asLong(-1);
            double cpu = 0;
            boolean hasCpu = false;
            for (JsonNode p : w.path("processes")) {
                if (!MEASURING.contains(p.path("name").asText()) && p.has("cpuSeconds")) {
                    cpu += p.path("cpuSeconds").asDouble();
                    hasCpu = true;
                }
            }
            JsonNode latency = w.path("alarmLatencyMs");
            JsonNode puback = w.path("generator").path("pubackUs");
            out.add(new Figures("SafetyHub", w.path("offeredPerSecond").asInt(), w.path("acceptedPerSecond").asDouble(-1),
                    accepted, accepted >= 0 && stored >= 0 ? Math.max(0, accepted - stored) : -1,
                    latency.path("count").asInt() > 0 ? latency.path("p50").asLong() : -1,
                    latency.path("count").asInt() > 0 ? latency.path("p99").asLong() : -1,
                    puback.isArray() && puback.size() > 1 ? puback.get(1).asLong() : -1,
                    hasCpu && accepted > 0 ? cpu * 1e6 / accepted : -1));
        }
        return out;
    }

    /** {@code a / b} to two places, or "n/a" when either side has no figure. */
    static String ratio(double a, double b) {
        return a <= 0 || b <= 0 ? "n/a" : String.format(Locale.ROOT, "%.2f", a / b);
    }

    static String figure(double v, String format) {
        return v < 0 ? "—" : String.format(Locale.ROOT, format, v);
    }

    /** The markdown table: every target's figures per rate, then SafetyHub's ratios to each of the others. */
    public static String table(List<Figures> safetyHub, List<Figures> others) {
        StringBuilder sb = new StringBuilder("| offered/s | target | accepted/s | loss | alarm p50 / p99 ms "
                + "| PUBACK p99 µs | system CPU µs per reading |\n|---|---|---|---|---|---|---|\n");
        List<Integer> rates = new ArrayList<>();
        safetyHub.forEach(f -> rates.add(f.offeredPerSecond()));
        others.stream().map(Figures::offeredPerSecond).filter(r -> !rates.contains(r)).forEach(rates::add);
        StringBuilder ratios = new StringBuilder("| offered/s | SafetyHub / … | accepted/s | alarm p50 | alarm p99 "
                + "| PUBACK p99 | CPU per reading |\n|---|---|---|---|---|---|---|\n");
        for (int rate : rates) {
            Figures sh = safetyHub.stream().filter(f -> f.offeredPerSecond() == rate).findFirst().orElse(null);
            List<Figures> all = new ArrayList<>();
            if (sh != null) {
                all.add(sh);
            }
            others.stream().filter(f -> f.offeredPerSecond() == rate).forEach(all::add);
            for (Figures f : all) {
                sb.append(String.format(Locale.ROOT, "| %d | %s | %s | %s | %s / %s | %s | %s |%n", rate, f.target(),
                        figure(f.acceptedPerSecond(), "%.0f"), f.loss() < 0 ? "n/a" : Long.toString(f.loss()),
                        figure(f.alarmP50Ms(), "%.0f"), figure(f.alarmP99Ms(), "%.0f"), figure(f.pubackP99Us(), "%.0f"),
                        figure(f.systemMicrosPerReading(), "%.1f")));
                if (sh != null && f != sh) {
                    ratios.append(String.format(Locale.ROOT, "| %d | %s | %s | %s | %s | %s | %s |%n", rate, f.target(),
                            ratio(sh.acceptedPerSecond(), f.acceptedPerSecond()), ratio(sh.alarmP50Ms(), f.alarmP50Ms()),
                            ratio(sh.alarmP99Ms(), f.alarmP99Ms()), ratio(sh.pubackP99Us(), f.pubackP99Us()),
                            ratio(sh.systemMicrosPerReading(), f.systemMicrosPerReading())));
                }
            }
        }
        return sb + "\n" + ratios;
    }
}
