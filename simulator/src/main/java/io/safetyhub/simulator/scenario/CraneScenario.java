package io.safetyhub.simulator.scenario;

import io.safetyhub.simulator.mqtt.DeviceAddress;

import java.util.List;

/**
 * Tower crane TC-0001 of build-yubei-01 following a script. {@code crane-overload}: load ratio 90 (the GB 5144
 * pre-warning) -> 95 -> 100 -> 105 % (over the rated load) at a calm 4 m/s. {@code gale}: an ordinary 50 % load
 * while the wind rises 6 -> 9 -> 10.8 (force 6, where work must stop) -> 12 m/s. Two messages per step.
 */
public final class CraneScenario implements Scenario {
    private static final int MESSAGES_PER_STEP = 2;

    private final ScenarioSettings settings;
    private final double[] loadRatioSteps;
    private final double[] windSteps;

    private CraneScenario(ScenarioSettings settings, double[] loadRatioSteps, double[] windSteps) {
        this.settings = settings;
        this.loadRatioSteps = loadRatioSteps;
        this.windSteps = windSteps;
    }

    public static CraneScenario overload(ScenarioSettings settings) {
        return new CraneScenario(settings, new double[] {90, 95, 100, 105}, new double[] {4});
    }

    public static CraneScenario gale(ScenarioSettings settings) {
        return new CraneScenario(settings, new double[] {50}, new double[] {6, 9, 10.8, 12});
    }

    @Override
    public int run(RunControl control) throws InterruptedException {
        DeviceAddress address = new DeviceAddress(NormalScenario.CONSTRUCTION_ENTERPRISE, "tower-crane", "TC-0001");
        Fleet.publishUntilStopped(settings,
                List.of(new ScriptedCraneModel(address, loadRatioSteps, windSteps, MESSAGES_PER_STEP)), control);
        return 0;
    }
}
