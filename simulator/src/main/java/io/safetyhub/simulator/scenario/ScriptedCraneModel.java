package io.safetyhub.simulator.scenario;

import io.safetyhub.simulator.mqtt.DeviceAddress;
import io.safetyhub.simulator.mqtt.Measurement;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;

/**
 * A tower crane whose load ratio and wind speed follow a script: each step is held for a few messages, then the
 * last step is held for as long as it runs. The trolley stays at 15 m, where the flat-top chart's rated load is
 * 8 t, so the moment ratio equals the load ratio and a scenario states exactly which ratio the rule sees.
 */
final class ScriptedCraneModel implements DeviceModel {
    private static final Logger LOG = LoggerFactory.getLogger(ScriptedCraneModel.class);
    private static final double RADIUS_M = 15;

    private final DeviceAddress address;
    private final double[] loadRatioSteps;
    private final double[] windSteps;
    private final int messagesPerStep;
    private int message;

    ScriptedCraneModel(DeviceAddress address, double[] loadRatioSteps, double[] windSteps, int messagesPerStep) {
        this.address = address;
        this.loadRatioSteps = loadRatioSteps.clone();
        this.windSteps = windSteps.clone();
        this.messagesPerStep = messagesPerStep;
    }

    @Override
    public DeviceAddress address() {
        return address;
    }

    @Override
    public List<Measurement> next() {
        int step = message / messagesPerStep;
        double loadRatio = loadRatioSteps[Math.min(step, loadRatioSteps.length - 1)];
        double wind = windSteps[Math.min(step, windSteps.length - 1)];
        if (message % messagesPerStep == 0 && step < Math.max(loadRatioSteps.length, windSteps.length)) {
            LOG.info("{} load_ratio now {} %, wind_speed {} m/s", address.deviceId(), loadRatio, wind);
        }
        message++;
        double load = GasAlarmModel.round(TowerCraneModel.ratedLoad(RADIUS_M) * loadRatio / 100);
        return List.of(
                new Measurement("load", load, "t"),
                new Measurement("load_ratio", loadRatio, "%"),
                new Measurement("moment_ratio", loadRatio, "%"),
                new Measurement("radius", RADIUS_M, "m"),
                new Measurement("height", 30, "m"),
                new Measurement("slew", 90, "°"),
                new Measurement("wind_speed", wind, "m/s"),
                new Measurement("tilt", 0.2, "°"));
    }
}
