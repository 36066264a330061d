package io.safetyhub.simulator.scenario;

import io.safetyhub.simulator.load.LoadGenerator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.BufferedReader;
import java.io.Reader;
import java.time.Duration;

/**
 * The load generator as a scenario: {@code --devices N --rate R} (messages per second per device), for
 * {@code --duration} seconds, devices {@code LOAD-00001}… of chem-banan-01. The adapter dead-letters unregistered
 * devices, so register them (or run it with {@code adapter.accept-unregistered=true}) to measure readings. Each
 * window's last line is what the bench parses: counts, lateness, PUBACK latency and its own CPU per message.
 * With {@code --windows stdin} the devices log in once and stay connected, and each line read from standard input,
 * {@code <messages/s per device> <seconds>}, is one window over the same connections, until the input ends.
 */
public final class LoadScenario implements Scenario {
    private static final Logger LOG = LoggerFactory.getLogger(LoadScenario.class);

    private final ScenarioSettings settings;
    private final int devices;
    private final double rate;
    private final int connections;
    private final int inFlight;
    private final boolean eventLoopClient;
    /** Where windows are read from; null for one window of {@code --rate} for {@code --duration}. */
    private final Reader windows;

    public LoadScenario(ScenarioSettings settings, int devices, double rate, int connections, int inFlight,
                        boolean eventLoopClient, Reader windows) {
        this.eventLoopClient = eventLoopClient;
        this.settings = settings;
        this.devices = devices;
        this.rate = rate;
        this.connections = connections;
        this.inFlight = inFlight;
        this.windows = windows;
    }

    @Override
    public int run(RunControl control) throws Exception {
        LOG.info("load: {} devices x {} msg/s over {} connections, {} in flight", devices, rate, connections, inFlight);
        LoadGenerator generator = new LoadGenerator(settings.endpoint(), NormalScenario.CHEMICALS_ENTERPRISE, devices,
                rate, connections, inFlight, settings.clock()).eventLoopClient(eventLoopClient);
        if (windows == null) {
            return report(generator.run(control, settings.timeout()));
        }
        int failed = 0;
        try (LoadGenerator.Session session = generator.open(settings.timeout());
             BufferedReader in = new BufferedReader(windows)) {
            LOG.info("load: connected; one window per input line, '<messages/s per device> <seconds>', until its end");
            String line;
            while (control.running() && (line = in.readLine()) != null) {
                if (line.isBlank()) {
                    continue;
                }
                String[] words = line.trim().split("\\s+");
                double perDevice = words.length == 2 ? number(words[0]) : Double.NaN;
                double seconds = words.length == 2 ? number(words[1]) : Double.NaN;
                if (!(perDevice > 0) || !(seconds > 0) || Double.isInfinite(perDevice) || Double.isInfinite(seconds)) {
                    LOG.error("load: window '{}' is not '<messages/s per device> <seconds>', both positive", line);
                    return 2;
                }
                LOG.info("load: window of {} msg/s per device for {} s starts", perDevice, seconds);
                Duration length = Duration.ofNanos(Math.round(seconds * 1e9));
                failed += report(session.send(perDevice, control.window(length), settings.timeout()));
            }
        }
        return failed == 0 ? 0 : 1;
    }

    private static double number(String word) {
        try {
            return Double.parseDouble(word);
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }

    private static int report(LoadGenerator.Result r) {
        LOG.info("load: sent {}, acknowledged {}, refused {} in {} ms ({} msg/s acknowledged); in doubt {}; "
                        + "window {}; lateness us p50/p99/p99.9/max {}; puback us p50/p99/p99.9/max {}; "
                        + "cpu {} us/msg; resent {}", r.sent(), r.acked(), r.failed(), r.elapsed().toMillis(),
                Math.round(r.ackedPerSecond()), r.inDoubt(), r.inFlightWindow(), r.lateness().summary(),
                r.ackLatency().summary(), String.format(java.util.Locale.ROOT, "%.1f", r.cpuMicrosPerMessage()),
                r.resent());
        return r.failed() == 0 ? 0 : 1;
    }
}
