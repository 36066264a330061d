package io.safetyhub.simulator.scenario;

import io.safetyhub.simulator.mqtt.DeviceAddress;
import io.safetyhub.simulator.mqtt.Measurement;

import java.util.List;
import java.util.Random;

import static io.safetyhub.simulator.scenario.GasAlarmModel.clamp;
import static io.safetyhub.simulator.scenario.GasAlarmModel.round;

/**
 * A tower crane at ordinary work: the trolley moves along the jib, the jib slews, loads come and go. Rated load
 * follows a flat-top chart (8 t up to 15 m, then constant moment 120 t·m), so load and moment ratios stay plausible
 * and below the 90 % pre-warning of GB 5144.
 */
final class TowerCraneModel implements DeviceModel {
    private static final double MAX_LOAD_T = 8;
    private static final double RATED_MOMENT_TM = MAX_LOAD_T * 15;

    private final DeviceAddress address;
    private final Random random;
    private double radius = 20;
    private double slew = 0;
    private double height = 25;
    private double load = 2;
    private double wind = 4;

    TowerCraneModel(DeviceAddress address, Random random) {
        this.address = address;
        this.random = random;
    }

    @Override
    public DeviceAddress address() {
        return address;
    }

    @Override
    public List<Measurement> next() {
        radius = clamp(radius + random.nextGaussian() * 2, 3, 50);
        slew = (slew + random.nextGaussian() * 10 + 360) % 360;
        height = clamp(height + random.nextGaussian() * 2, 5, 45);
        wind = clamp(wind + random.nextGaussian() * 0.5, 0.5, 8);
        double rated = ratedLoad(radius);
        load = clamp(load + random.nextGaussian() * 0.3, 0, rated * 0.85);
        double moment = load * radius;
        return List.of(
                new Measurement("load", round(load), "t"),
                new Measurement("load_ratio", round(load / rated * 100), "%"),
                new Measurement("moment_ratio", round(moment / RATED_MOMENT_TM * 100), "%"),
                new Measurement("radius", round(radius), "m"),
                new Measurement("height", round(height), "m"),
                new Measurement("slew", round(slew), "°"),
                new Measurement("wind_speed", round(wind), "m/s"),
                new Measurement("tilt", round(0.1 + random.nextDouble() * 0.3), "°"));
    }

    static double ratedLoad(double radius) {
        return radius <= 15 ? MAX_LOAD_T : RATED_MOMENT_TM / radius;
    }
}
