package io.safetyhub.simulator;

import io.safetyhub.simulator.scenario.CraneScenario;
import io.safetyhub.simulator.scenario.DeviceOfflineScenario;
import io.safetyhub.simulator.scenario.GasLeakScenario;
import io.safetyhub.simulator.scenario.LoadScenario;
import io.safetyhub.simulator.scenario.NormalScenario;
import io.safetyhub.simulator.scenario.OnceScenario;
import io.safetyhub.simulator.scenario.RunControl;
import io.safetyhub.simulator.scenario.Scenario;
import io.safetyhub.simulator.scenario.ScenarioSettings;
import io.safetyhub.simulator.scenario.TankFarmScenario;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Simulated devices for a laptop stack, demos and tests. Exit codes: 0 done, 1 failed (no broker, no PUBACK),
 * 2 bad command line. Ctrl-C or SIGTERM ends a running scenario cleanly (devices say offline, then disconnect).
 */
public final class SimulatorMain {
    private static final Logger LOG = LoggerFactory.getLogger(SimulatorMain.class);

    private SimulatorMain() {
    }

    public static void main(String[] args) {
        if (SimulatorOptions.wantsHelp(args)) {
            System.out.print(SimulatorOptions.USAGE);
            return;
        }
        SimulatorOptions options;
        try {
            options = SimulatorOptions.parse(args);
        } catch (SimulatorOptions.UsageException e) {
            System.err.println("simulator: " + e.getMessage());
            System.err.print(SimulatorOptions.USAGE);
            System.exit(2);
            return;
        }
        System.exit(run(options));
    }

    static int run(SimulatorOptions options) {
        RunControl control = new RunControl(options.duration());
        CountDownLatch finished = new CountDownLatch(1);
        Thread hook = new Thread(() -> {
            control.requestStop();
            try {
                // Give the devices time to say offline before the JVM goes; main counts down before System.exit.
                finished.await(options.timeout().toMillis() + 2_000, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "simulator-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            Scenario scenario = scenario(options);
            LOG.info("scenario {} against {} (credentials: {})", options.scenario(), options.mqttUrl(),
                    options.endpoint().credentials().describe());
            return scenario.run(control);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 1;
        } catch (Exception e) {
            LOG.error("scenario {} failed: {}", options.scenario(), e.toString());
            return 1;
        } finally {
            finished.countDown();
        }
    }

    private static Scenario scenario(SimulatorOptions options) {
        Duration defaultInterval = Duration.ofSeconds(options.scenario().equals("normal") ? 5 : 1);
        ScenarioSettings settings = new ScenarioSettings(options.endpoint(), options.instance(),
                options.interval().orElse(defaultInterval), options.timeout(), Clock.systemUTC());
        return switch (options.scenario()) {
            case "gas-leak" -> new GasLeakScenario(settings);
            case "crane-overload" -> CraneScenario.overload(settings);
            case "gale" -> CraneScenario.gale(settings);
            case "device-offline" -> new DeviceOfflineScenario(settings, options.offlineAfter(),
                    options.offlineMode().equals("silent") ? DeviceOfflineScenario.Mode.SILENT
                            : DeviceOfflineScenario.Mode.WILL, new Random());
            case "load" -> new LoadScenario(settings, options.loadDevices(), options.loadRate(),
                    options.loadConnections(), options.loadInFlight(), options.loadClient().equals("vertx"),
                    options.loadWindowsFromInput()
                            ? new java.io.InputStreamReader(System.in, java.nio.charset.StandardCharsets.UTF_8) : null);
            case "tank-farm" -> new TankFarmScenario(settings, options.opcUaPort(), options.opcUaSecurity());
            case "once" -> new OnceScenario(settings, options.once().orElseThrow().address(),
                    options.once().orElseThrow().measurement());
            default -> new NormalScenario(settings, new Random(), options.opcUaPort(), options.opcUaSecurity());
        };
    }
}
