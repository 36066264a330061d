package io.safetyhub.devstack;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The commands that need no running stack. */
class CliTest {

    @TempDir
    Path home;

    private final ByteArrayOutputStream output = new ByteArrayOutputStream();
    private final PrintStream out = new PrintStream(output, true, StandardCharsets.UTF_8);

    @Test
    void shouldListEveryComponentAsDownWhenNothingRuns() {
        Cli cli = new Cli(RootDir.find(), new StackHome(home), out);

        assertEquals(0, cli.status());

        String printed = output.toString(StandardCharsets.UTF_8);
        for (String name : List.of("mongo", "kafka", "keycloak", "gateway", "warning-service", "simulator")) {
            assertTrue(printed.lines().anyMatch(line -> line.startsWith(name + " ") && line.contains(" down ")),
                    name + " missing or not down in:\n" + printed);
        }
    }

    @Test
    void shouldNameTheKnownComponentsWhenAskedForAnUnknownLog() {
        Cli cli = new Cli(RootDir.find(), new StackHome(home), out);

        assertEquals(2, cli.logs(List.of("zookeeper")));

        assertTrue(output.toString(StandardCharsets.UTF_8).contains("known: mongo, kafka, keycloak"));
    }

    @Test
    void shouldPrintUsageWhenTheCommandIsUnknown() {
        assertEquals(2, Cli.run(new String[] {"restart"}, out));

        assertTrue(output.toString(StandardCharsets.UTF_8).contains("usage: bin/safetyhub"));
    }

    @Test
    void shouldKillTheComponentWithoutGraceWhenAskedToKillIt() throws Exception {
        StackHome stackHome = new StackHome(home);
        Path pidFile = stackHome.pidFile("mongo");
        // A stand-in carrying the component's ownership marker, as the launcher's children do; it ignores SIGTERM,
        // so only a SIGKILL ends it within the wait below.
        Process standIn = new ProcessBuilder("bash", "-c", "trap '' TERM; sleep 60 & wait",
                "-Dsafetyhub.pidfile=" + pidFile).start();
        Processes.writePid(pidFile, standIn.pid());
        Cli cli = new Cli(RootDir.find(), stackHome, out);

        assertEquals(0, cli.one("kill", List.of("mongo")));

        assertTrue(standIn.waitFor(10, TimeUnit.SECONDS), "still running after kill");
        assertEquals(137, standIn.exitValue(), "128 + SIGKILL");
        assertTrue(output.toString(StandardCharsets.UTF_8).contains("killed mongo"));
    }

    @Test
    void shouldNameTheKnownComponentsWhenAskedToStopAnUnknownOne() {
        Cli cli = new Cli(RootDir.find(), new StackHome(home), out);

        assertEquals(2, cli.one("stop", List.of("zookeeper")));
        assertEquals(0, cli.one("kill", List.of("kafka")));

        String printed = output.toString(StandardCharsets.UTF_8);
        assertTrue(printed.contains("one of: mongo, kafka, keycloak"));
        assertTrue(printed.contains("kafka was not running"));
    }
}
