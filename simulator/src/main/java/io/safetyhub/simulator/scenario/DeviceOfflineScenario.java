package io.safetyhub.simulator.scenario;

import io.safetyhub.simulator.mqtt.DeviceAddress;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Random;

/**
 * Gas alarms GA-0001 and GA-0002 of chem-banan-01 publish normally; after {@code offlineAfter} GA-0002 stops. In
 * mode {@code will} its connection drops without DISCONNECT (a power cut), so the broker publishes its last will; in
 * mode {@code silent} it keeps its connection (keep-alive pings go on) but publishes nothing more, which only a
 * silence timer notices. GA-0001 keeps publishing, showing the platform is still receiving.
 */
public final class DeviceOfflineScenario implements Scenario {
    private static final Logger LOG = LoggerFactory.getLogger(DeviceOfflineScenario.class);

    /** How the device stops. */
    public enum Mode { WILL, SILENT }

    private final ScenarioSettings settings;
    private final Duration offlineAfter;
    private final Mode mode;
    private final Random random;

    public DeviceOfflineScenario(ScenarioSettings settings, Duration offlineAfter, Mode mode, Random random) {
        this.settings = settings;
        this.offlineAfter = offlineAfter;
        this.mode = mode;
        this.random = random;
    }

    @Override
    public int run(RunControl control) throws InterruptedException {
        List<DeviceModel> models = List.of(
                new GasAlarmModel(new DeviceAddress(NormalScenario.CHEMICALS_ENTERPRISE, "gas-alarm", "GA-0001"), random),
                new GasAlarmModel(new DeviceAddress(NormalScenario.CHEMICALS_ENTERPRISE, "gas-alarm", "GA-0002"), random));
        Optional<Fleet> connected = Fleet.connect(settings, models, control);
        if (connected.isEmpty()) {
            return 0;
        }
        long offlineAt = System.nanoTime() + offlineAfter.toNanos();
        boolean stopped = false;
        try (Fleet fleet = connected.get()) {
            do {
                if (!stopped && System.nanoTime() - offlineAt >= 0) {
                    stopped = true;
                    if (mode == Mode.WILL) {
                        fleet.device(1).dropConnection();
                    } else {
                        LOG.info("GA-0002 goes silent (connection kept, no more telemetry)");
                    }
                }
                fleet.publish(0);
                if (!stopped) {
                    fleet.publish(1);
                }
            } while (control.pause(settings.interval()));
        }
        return 0;
    }
}
