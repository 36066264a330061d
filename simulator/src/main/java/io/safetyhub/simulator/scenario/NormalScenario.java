package io.safetyhub.simulator.scenario;

import io.safetyhub.simulator.mqtt.DeviceAddress;
import io.safetyhub.simulator.opcua.ServerSecurity;

import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.Random;

/**
 * Quiet everyday traffic, forever: three gas-leak alarms of the demo chemicals enterprise in clean air and one tower
 * crane of the demo construction company at ordinary work, each publishing every interval; and, unless its port is
 * 0, the tank farm's OPC UA server.
 */
public final class NormalScenario implements Scenario {
    /** The demo enterprises of the devstack realm (users ent.chem and ent.build). */
    static final String CHEMICALS_ENTERPRISE = "chem-banan-01";
    static final String CONSTRUCTION_ENTERPRISE = "build-yubei-01";

    private final ScenarioSettings settings;
    private final Random random;
    private final int opcUaPort;
    private final ServerSecurity opcUaSecurity;

    public NormalScenario(ScenarioSettings settings, Random random, int opcUaPort, ServerSecurity opcUaSecurity) {
        this.opcUaSecurity = opcUaSecurity;
        this.settings = settings;
        this.random = random;
        this.opcUaPort = opcUaPort;
    }

    @Override
    public int run(RunControl control) throws InterruptedException {
        List<DeviceModel> models = List.of(
                new GasAlarmModel(new DeviceAddress(CHEMICALS_ENTERPRISE, "gas-alarm", "GA-0001"), random),
                new GasAlarmModel(new DeviceAddress(CHEMICALS_ENTERPRISE, "gas-alarm", "GA-0002"), random),
                new GasAlarmModel(new DeviceAddress(CHEMICALS_ENTERPRISE, "gas-alarm", "GA-0003"), random),
                new TowerCraneModel(new DeviceAddress(CONSTRUCTION_ENTERPRISE, "tower-crane", "TC-0001"), random));
        if (opcUaPort == 0) {
            Fleet.publishUntilStopped(settings, models, control);
            return 0;
        }
        // The plant's OPC UA server runs beside the MQTT devices, its values moving on its own thread.
        Thread farm = new Thread(() -> {
            try {
                new TankFarmScenario(settings, opcUaPort, opcUaSecurity).run(control);
            } catch (Exception e) {
                LoggerFactory.getLogger(NormalScenario.class).warn("tank farm OPC UA server not running: {}", e.toString());
            }
        }, "tank-farm");
        farm.setDaemon(true);
        farm.start();
        Fleet.publishUntilStopped(settings, models, control);
        farm.join(settings.timeout().toMillis());
        return 0;
    }
}
