package io.safetyhub.simulator.scenario;

import io.safetyhub.simulator.mqtt.DeviceAddress;
import io.safetyhub.simulator.mqtt.Measurement;

import java.util.List;
import java.util.Random;

/** A gas-leak alarm in clean air: a noisy 0-5 %LEL and a battery that drains slowly. */
final class GasAlarmModel implements DeviceModel {
    private final DeviceAddress address;
    private final Random random;
    private double lel;
    private double battery;

    GasAlarmModel(DeviceAddress address, Random random) {
        this.address = address;
        this.random = random;
        this.lel = random.nextDouble() * 2;
        this.battery = 80 + random.nextInt(20);
    }

    @Override
    public DeviceAddress address() {
        return address;
    }

    @Override
    public List<Measurement> next() {
        lel = clamp(lel + random.nextGaussian() * 0.4, 0, 5);
        battery = Math.max(5, battery - 0.01);
        return List.of(new Measurement("gas_lel", round(lel), "%LEL"), new Measurement("battery", round(battery), "%"));
    }

    static double clamp(double value, double min, double max) {
        return Math.max(min, Math.min(max, value));
    }

    static double round(double value) {
        return Math.round(value * 100) / 100.0;
    }
}
