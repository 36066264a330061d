package io.safetyhub.simulator.scenario;

import io.safetyhub.simulator.mqtt.DeviceAddress;
import io.safetyhub.simulator.mqtt.Measurement;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;

/**
 * A leak at gas alarm GA-0001 of chem-banan-01: 5 %LEL, then 25 (past the 20 %LEL first-level alarm of
 * GB/T 50493-2019), then 60 (past the 50 %LEL second level), two messages at each step, then 60 for as long as it runs.
 */
public final class GasLeakScenario implements Scenario {
    private static final Logger LOG = LoggerFactory.getLogger(GasLeakScenario.class);
    private static final double[] STEPS = {5, 25, 60};
    private static final int MESSAGES_PER_STEP = 2;

    private final ScenarioSettings settings;

    public GasLeakScenario(ScenarioSettings settings) {
        this.settings = settings;
    }

    @Override
    public int run(RunControl control) throws InterruptedException {
        DeviceAddress address = new DeviceAddress(NormalScenario.CHEMICALS_ENTERPRISE, "gas-alarm", "GA-0001");
        Fleet.publishUntilStopped(settings, List.of(new Leak(address)), control);
        return 0;
    }

    /** The leaking alarm's readings: the steps in turn, then the last step. */
    private static final class Leak implements DeviceModel {
        private final DeviceAddress address;
        private int message;

        Leak(DeviceAddress address) {
            this.address = address;
        }

        @Override
        public DeviceAddress address() {
            return address;
        }

        @Override
        public List<Measurement> next() {
            double lel = STEPS[Math.min(message / MESSAGES_PER_STEP, STEPS.length - 1)];
            if (message % MESSAGES_PER_STEP == 0 && message / MESSAGES_PER_STEP < STEPS.length) {
                LOG.info("{} gas_lel now {} %LEL", address.deviceId(), lel);
            }
            message++;
            return List.of(new Measurement("gas_lel", lel, "%LEL"), new Measurement("battery", 90, "%"));
        }
    }
}
