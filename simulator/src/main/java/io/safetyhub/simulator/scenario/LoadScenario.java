package io.safetyhub.simulator.scenario;

import io.safetyhub.simulator.load.LoadGenerator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The load generator as a scenario: {@code --devices N --rate R} (messages per second per device), for
 * {@code --duration} seconds, devices {@code LOAD-00001}… of chem-banan-01. The adapter dead-letters unregistered
 * devices, so register them (or run it with {@code adapter.accept-unregistered=true}) to measure readings. Its last
 * line is what the bench parses: counts, lateness, PUBACK latency and its own CPU per message.
 */
public final class LoadScenario implements Scenario {
    private static final Logger LOG = LoggerFactory.getLogger(LoadScenario.class);

    private final ScenarioSettings settings;
    private final int devices;
    private final double rate;
    private final int connections;
    private final int inFlight;
    private final boolean eventLoopClient;

    public LoadScenario(ScenarioSettings settings, int devices, double rate, int connections, int inFlight,
                        boolean eventLoopClient) {
        this.eventLoopClient = eventLoopClient;
        this.settings = settings;
        this.devices = devices;
        this.rate = rate;
        this.connections = connections;
        this.inFlight = inFlight;
    }

    @Override
    public int run(RunControl control) throws Exception {
        LOG.info("load: {} devices x {} msg/s over {} connections, {} in flight", devices, rate, connections, inFlight);
        LoadGenerator.Result r = new LoadGenerator(settings.endpoint(), NormalScenario.CHEMICALS_ENTERPRISE, devices,
                rate, connections, inFlight, settings.clock()).eventLoopClient(eventLoopClient).run(control, settings.timeout());
        LOG.info("load: sent {}, acknowledged {}, refused {} in {} ms ({} msg/s acknowledged); in doubt {}; "
                        + "window {}; lateness us p50/p99/p99.9/max {}; puback us p50/p99/p99.9/max {}; "
                        + "cpu {} us/msg; resent {}", r.sent(), r.acked(), r.failed(), r.elapsed().toMillis(),
                Math.round(r.ackedPerSecond()), r.inDoubt(), r.inFlightWindow(), r.lateness().summary(),
                r.ackLatency().summary(), String.format(java.util.Locale.ROOT, "%.1f", r.cpuMicrosPerMessage()),
                r.resent());
        return r.failed() == 0 ? 0 : 1;
    }
}
