package io.safetyhub.devstack;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Start, refusal and clean-up rules of the launcher, with small shell processes as components. */
class StackTest {

    @TempDir
    Path dir;

    private final ByteArrayOutputStream output = new ByteArrayOutputStream();
    private final Stack stack = new Stack(new PrintStream(output, true, StandardCharsets.UTF_8));

    @Test
    void shouldRefuseToStartAnythingWhenAPortIsTakenByAnotherProgram() throws Exception {
        try (ServerSocket stranger = new ServerSocket()) {
            stranger.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            int taken = stranger.getLocalPort();
            Component first = sleeper("first", List.of(), new Probe.Alive(Duration.ZERO));
            Component second = sleeper("second", List.of(taken), new Probe.Tcp(taken));

            StackException refused = assertThrows(StackException.class, () -> stack.up(List.of(first, second)));

            assertTrue(refused.getMessage().contains("second: port " + taken), refused.getMessage());
            assertFalse(Files.exists(first.pidFile()), "nothing may start when a port is taken");
            assertFalse(Files.exists(second.pidFile()));
        }
    }

    @Test
    void shouldStopWhatItStartedWhenALaterComponentFails() {
        Component healthy = sleeper("healthy", List.of(), new Probe.Alive(Duration.ZERO));
        Component broken = shell("broken", "echo 'cannot open data dir'; exit 3", new Probe.Tcp(Processes.freePort()));

        StackException failure = assertThrows(StackException.class, () -> stack.up(List.of(healthy, broken)));

        assertTrue(failure.getMessage().contains("broken failed to start: exited with code 3"), failure.getMessage());
        assertTrue(printed().contains("cannot open data dir"), "the log tail is shown: " + printed());
        assertTrue(Processes.running(healthy).isEmpty(), "the healthy component was stopped again");
        assertFalse(Files.exists(healthy.pidFile()));
    }

    @Test
    void shouldLeaveRunningComponentAloneWhenStartedTwiceAndStopItWithItsChildren() throws Exception {
        Component sleeper = sleeper("sleeper", List.of(), new Probe.Alive(Duration.ZERO));
        stack.up(List.of(sleeper));
        long pid = Processes.running(sleeper).orElseThrow().pid();
        // Until its shell has started `sleep`, the process may still be exec'ing setsid into /bin/sh, when
        // /proc/<pid>/cmdline reads empty for a moment (and there would be no child to check below).
        Awaitility.await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(5))
                .until(() -> ProcessHandle.of(pid).orElseThrow().descendants().findAny().isPresent());

        stack.up(List.of(sleeper));

        assertTrue(printed().contains("already running (pid " + pid + ")"), printed());
        ProcessHandle handle = ProcessHandle.of(pid).orElseThrow();
        List<ProcessHandle> children = handle.descendants().toList();
        assertFalse(children.isEmpty(), "the shell's sleep is running");
        assertEquals(List.of("sleeper"), stack.stopAll(List.of(sleeper)).stream().map(s -> s.split(" ")[0]).toList());
        assertFalse(handle.isAlive());
        assertTrue(children.stream().noneMatch(ProcessHandle::isAlive), "descendants are stopped too");
    }

    @Test
    void shouldNotTouchAProcessWhosePidFileIsStale() throws Exception {
        Component sleeper = sleeper("stale", List.of(), new Probe.Alive(Duration.ZERO));
        // Our own pid: alive, but its command line lacks the component's marker.
        Processes.writePid(sleeper.pidFile(), ProcessHandle.current().pid());

        assertTrue(Processes.running(sleeper).isEmpty());
        assertTrue(stack.stopAll(List.of(sleeper)).isEmpty());
    }

    /** A shell that starts a child, like kc.sh does, and stays up. */
    private Component sleeper(String name, List<Integer> ports, Probe probe) {
        return shell(name, "sleep 60 & wait", probe, ports);
    }

    private Component shell(String name, String script, Probe probe) {
        return shell(name, script, probe, List.of());
    }

    private Component shell(String name, String script, Probe probe, List<Integer> ports) {
        StackHome home = new StackHome(dir);
        // $0 of the script carries the marker, so it shows in the command line.
        String marker = "stack-test-" + name + "-" + UUID.randomUUID();
        return new Component(name, List.of("/bin/sh", "-c", script, marker), Map.of(), dir, ports, probe,
                home.logFile(name), home.pidFile(name), marker, Duration.ofSeconds(10), Component.NOTHING);
    }

    private String printed() {
        return output.toString(StandardCharsets.UTF_8);
    }
}
