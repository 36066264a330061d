package io.safetyhub.simulator.scenario;

import io.safetyhub.simulator.opcua.TankFarmServer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The plant OPC UA server alone: the tank farm's values move a little every interval, forever. */
public final class TankFarmScenario implements Scenario {
    private static final Logger LOG = LoggerFactory.getLogger(TankFarmScenario.class);

    private final ScenarioSettings settings;
    private final int port;

    public TankFarmScenario(ScenarioSettings settings, int port) {
        this.settings = settings;
        this.port = port;
    }

    @Override
    public int run(RunControl control) throws Exception {
        try (TankFarmServer farm = TankFarmServer.start(port)) {
            LOG.info("tank farm OPC UA server at {}", farm.endpointUrl());
            while (control.pause(settings.interval())) {
                farm.tick();
            }
        }
        return 0;
    }
}
