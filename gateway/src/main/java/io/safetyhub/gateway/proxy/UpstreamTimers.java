package io.safetyhub.gateway.proxy;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.safetyhub.gateway.route.Route;
import io.safetyhub.gateway.route.Upstream;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * {@code safetyhub.gateway.upstream.requests{upstream, outcome}}, every series registered once at startup (upstreams
 * × outcomes is a small fixed set), so that a relayed request looks its timer up instead of building and registering
 * one, and every series is scraped from the start (at zero) rather than appearing with its first request. Beside
 * them, {@code safetyhub.gateway.upstream.resent{upstream}} counts safe requests sent a second time.
 */
final class UpstreamTimers {
    static final String NAME = "safetyhub.gateway.upstream.requests";
    /** Indexes into each upstream's row: the status classes 1xx–5xx, then the failures of {@link UpstreamFailure}. */
    private static final List<String> OUTCOMES = List.of("1xx", "2xx", "3xx", "4xx", "5xx", "unavailable", "timeout",
            "failed");
    private static final int FAILED = OUTCOMES.indexOf("failed");

    static final String RESENT = "safetyhub.gateway.upstream.resent";

    private final Map<String, Timer[]> byUpstream = new HashMap<>();
    private final Map<String, Counter> resent = new HashMap<>();

    UpstreamTimers(MeterRegistry meters, List<Route> routes) {
        for (Route route : routes) {
            byUpstream.computeIfAbsent(route.upstream().name(), name -> {
                Timer[] row = new Timer[OUTCOMES.size()];
                for (int i = 0; i < row.length; i++) {
                    row[i] = Timer.builder(NAME)
                            .description("Requests relayed to a service, by service and outcome")
                            .tag("upstream", name)
                            .tag("outcome", OUTCOMES.get(i))
                            .register(meters);
                }
                return row;
            });
            resent.computeIfAbsent(route.upstream().name(), name -> Counter.builder(RESENT)
                    .description("Safe requests sent again because the service closed a pooled connection unanswered")
                    .tag("upstream", name)
                    .register(meters));
        }
    }

    /** Counts a request sent again on a fresh connection (see ForwardHandler). */
    void resent(Upstream upstream) {
        Counter counter = resent.get(upstream.name());
        if (counter != null) {
            counter.increment();
        }
    }

    /** Records an exchange the upstream answered with {@code status} (a status outside 100–599 counts as failed). */
    void answered(Upstream upstream, int status, long startNanos) {
        int index = status >= 100 && status < 600 ? status / 100 - 1 : FAILED;
        record(upstream, index, startNanos);
    }

    /** Records an exchange that failed with {@code outcome} ({@code unavailable}, {@code timeout}, {@code failed}). */
    void failed(Upstream upstream, String outcome, long startNanos) {
        int index = OUTCOMES.indexOf(outcome);
        record(upstream, index < 0 ? FAILED : index, startNanos);
    }

    private void record(Upstream upstream, int index, long startNanos) {
        Timer[] row = byUpstream.get(upstream.name());
        if (row != null) {
            row[index].record(System.nanoTime() - startNanos, TimeUnit.NANOSECONDS);
        }
    }
}
