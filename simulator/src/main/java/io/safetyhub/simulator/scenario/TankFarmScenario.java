package io.safetyhub.simulator.scenario;

import io.safetyhub.simulator.opcua.ServerSecurity;
import io.safetyhub.simulator.opcua.TankFarmServer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The plant OPC UA server alone: the tank farm's values move a little every interval, forever. */
public final class TankFarmScenario implements Scenario {
    private static final Logger LOG = LoggerFactory.getLogger(TankFarmScenario.class);

    private final ScenarioSettings settings;
    private final int port;
    private final ServerSecurity security;

    public TankFarmScenario(ScenarioSettings settings, int port, ServerSecurity security) {
        this.settings = settings;
        this.port = port;
        this.security = security;
    }

    @Override
    public int run(RunControl control) throws Exception {
        try (TankFarmServer farm = TankFarmServer.start(port, security)) {
            LOG.info("tank farm OPC UA server at {} (None/anonymous, and Basic256Sha256 SignAndEncrypt for users {}; "
                    + "certificate in {})", farm.endpointUrl(), security.users().keySet(), security.pkiDir());
            while (control.pause(settings.interval())) {
                farm.tick();
            }
        }
        return 0;
    }
}
