package io.safetyhub.simulator.scenario;

import io.safetyhub.simulator.mqtt.DeviceAddress;

import java.util.List;
import java.util.Random;

/**
 * Quiet everyday traffic, forever: three gas-leak alarms of the demo chemicals enterprise in clean air and one tower
 * crane of the demo construction company at ordinary work, each publishing every interval.
 */
public final class NormalScenario implements Scenario {
    /** The demo enterprises of the devstack realm (users ent.chem and ent.build). */
    static final String CHEMICALS_ENTERPRISE = "chem-banan-01";
    static final String CONSTRUCTION_ENTERPRISE = "build-yubei-01";

    private final ScenarioSettings settings;
    private final Random random;

    public NormalScenario(ScenarioSettings settings, Random random) {
        this.settings = settings;
        this.random = random;
    }

    @Override
    public int run(RunControl control) throws InterruptedException {
        List<DeviceModel> models = List.of(
                new GasAlarmModel(new DeviceAddress(CHEMICALS_ENTERPRISE, "gas-alarm", "GA-0001"), random),
                new GasAlarmModel(new DeviceAddress(CHEMICALS_ENTERPRISE, "gas-alarm", "GA-0002"), random),
                new GasAlarmModel(new DeviceAddress(CHEMICALS_ENTERPRISE, "gas-alarm", "GA-0003"), random),
                new TowerCraneModel(new DeviceAddress(CONSTRUCTION_ENTERPRISE, "tower-crane", "TC-0001"), random));
        Fleet.publishUntilStopped(settings, models, control);
        return 0;
    }
}
