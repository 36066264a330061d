package io.safetyhub.simulator.scenario;

import io.safetyhub.simulator.load.LoadGenerator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The load generator as a scenario: {@code --devices N --rate R} (messages per second per device), for
 * {@code --duration} seconds, devices {@code LOAD-00001}… of chem-banan-01. The adapter dead-letters unregistered
 * devices, so register them (or run it with {@code adapter.accept-unregistered=true}) to measure readings.
 */
public final class LoadScenario implements Scenario {
    private static final Logger LOG = LoggerFactory.getLogger(LoadScenario.class);

    private final ScenarioSettings settings;
    private final int devices;
    private final double rate;
    private final int connections;

    public LoadScenario(ScenarioSettings settings, int devices, double rate, int connections) {
        this.settings = settings;
        this.devices = devices;
        this.rate = rate;
        this.connections = connections;
    }

    @Override
    public int run(RunControl control) throws Exception {
        LOG.info("load: {} devices x {} msg/s over {} connections", devices, rate, connections);
        LoadGenerator.Result result = new LoadGenerator(settings.mqttUrl(), NormalScenario.CHEMICALS_ENTERPRISE, devices,
                rate, connections, settings.clock()).run(control, settings.timeout());
        LOG.info("load: sent {}, acknowledged {}, refused {} in {} ms ({} msg/s acknowledged)", result.sent(),
                result.acked(), result.failed(), result.elapsed().toMillis(), Math.round(result.ackedPerSecond()));
        return result.failed() == 0 ? 0 : 1;
    }
}
