package io.safetyhub.devstack;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One process of the stack: what to run, which ports it needs, how to tell it is ready and where
 * its log and pid files live.
 *
 * @param name         short name used in messages, file names and {@code logs NAME}
 * @param command      the full command line
 * @param environment  variables added to the launcher's own environment
 * @param workDir      working directory of the process
 * @param ports        every port it listens on; all must be free before anything starts
 * @param probe        readiness check
 * @param logFile      stdout and stderr go here (the previous run's log is kept as {@code .1})
 * @param pidFile      written when started, removed when stopped
 * @param marker       a string found in the process's command line and in no other program's,
 *                     so that a pid file left over after a reboot never makes us stop a stranger
 * @param startTimeout how long readiness may take
 * @param prepare      run before each start (unpack, copy config); may be {@link #NOTHING}
 */
public record Component(String name, List<String> command, Map<String, String> environment, Path workDir,
                        List<Integer> ports, Probe probe, Path logFile, Path pidFile, String marker,
                        Duration startTimeout, Preparation prepare) {

    public static final Preparation NOTHING = () -> { };

    public Component {
        Objects.requireNonNull(name, "name");
        command = List.copyOf(command);
        environment = Map.copyOf(environment);
        ports = List.copyOf(ports);
        Objects.requireNonNull(probe, "probe");
        Objects.requireNonNull(logFile, "logFile");
        Objects.requireNonNull(pidFile, "pidFile");
        Objects.requireNonNull(marker, "marker");
        Objects.requireNonNull(startTimeout, "startTimeout");
        prepare = prepare == null ? NOTHING : prepare;
    }

    /** The first port, the one clients use. */
    public int port() {
        return ports.isEmpty() ? 0 : ports.get(0);
    }

    /** Work done before a start; may take a while (unzipping Keycloak). */
    @FunctionalInterface
    public interface Preparation {
        void run() throws IOException;
    }
}
