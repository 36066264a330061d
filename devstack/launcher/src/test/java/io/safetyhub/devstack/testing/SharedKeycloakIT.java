package io.safetyhub.devstack.testing;

import io.safetyhub.devstack.ModuleJars;
import io.safetyhub.devstack.Processes;
import io.safetyhub.devstack.RootDir;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * One Keycloak for several test JVMs, with real JVMs ({@link LeaseHolderMain}) as the other test JVMs. Reuse is
 * checked against the checkout's own shared Keycloak (this JVM's {@link TestInfra} holds it anyway); the reaper
 * against a stand-in Keycloak process in a slot of its own with a 2 s idle time, so that no test here starts a
 * Keycloak of its own (a minute of a clean CI build, on a busy machine several).
 */
class SharedKeycloakIT {

    private static final int IDLE_SECONDS = 2;
    private static final Pattern CLAIMED = Pattern.compile("LEASED port=(\\d+) keycloak=(\\d+) started=(true|false)");

    @TempDir
    Path dir;

    private final List<ProcessHandle> started = new ArrayList<>();
    private final Map<Process, Path> logs = new HashMap<>();

    @AfterEach
    void stopWhatTheTestStarted() {
        started.forEach(process -> {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
        });
    }

    @Test
    void shouldReuseTheRunningKeycloakWhenAnotherTestJvmClaimsIt() throws Exception {
        TestInfra infra = TestInfra.shared();
        int port = URI.create(infra.keycloakUrl()).getPort();

        Process other = holder("claim", RootDir.find().resolve(".safetyhub"));
        Matcher claimed = awaitLine(other, CLAIMED);

        assertEquals("false", claimed.group(3), "the other JVM must not start a Keycloak of its own");
        assertEquals(port, Integer.parseInt(claimed.group(1)));
        other.getOutputStream().close();
        assertEquals(0, other.waitFor());
        assertTrue(ProcessHandle.of(Long.parseLong(claimed.group(2))).map(ProcessHandle::isAlive).orElse(false),
                "Keycloak outlives a JVM that only reused it");
        assertFalse(infra.token("ops").isBlank(), "and keeps serving this one");
    }

    @Test
    void shouldStopKeycloakAfterTheIdleTimeWhenTheLastJvmHoldingTheLeaseIsKilled() throws Exception {
        Path slot = dir.resolve("test-keycloak");
        Files.createDirectories(slot);
        Process keycloak = standInKeycloak(slot);
        long reaper = reaper(slot, IDLE_SECONDS);
        Process first = holder("lease", slot);
        Process second = holder("lease", slot);
        awaitLine(first, Pattern.compile("LEASED"));
        awaitLine(second, Pattern.compile("LEASED"));

        first.destroyForcibly().waitFor();
        // One holder is gone (kill -9), the other still holds the lease: Keycloak must stay.
        await().during(Duration.ofSeconds(3L * IDLE_SECONDS)).atMost(Duration.ofSeconds(3L * IDLE_SECONDS + 5))
                .until(keycloak::isAlive);

        second.destroyForcibly().waitFor();

        await().atMost(Duration.ofSeconds(IDLE_SECONDS + 30)).until(() -> !keycloak.isAlive() && !alive(reaper));
        assertFalse(Files.exists(slot.resolve(KeycloakReaper.KEYCLOAK_PID)), "the reaper removes what it recorded");
        assertTrue(Files.readString(slot.resolve("logs").resolve("reaper.log")).contains("stopping it"));
    }

    @Test
    void shouldLeaveWhenKeycloakIsGoneAndNoJvmIsStartingIt() throws Exception {
        Path slot = dir.resolve("test-keycloak");
        Files.createDirectories(slot);
        Process keycloak = standInKeycloak(slot);
        long reaper = reaper(slot, 600);
        Process holder = holder("lease", slot);
        awaitLine(holder, Pattern.compile("LEASED"));

        keycloak.destroyForcibly().waitFor();
        holder.getOutputStream().close();

        await().atMost(Duration.ofSeconds(30)).until(() -> !alive(reaper));
    }

    /** A process carrying the slot's Keycloak marker in its command line, recorded in the slot's pid file. */
    private Process standInKeycloak(Path slot) throws IOException {
        Process process = new ProcessBuilder("bash", "-c", "sleep 600; :", marker(slot)).start();
        started.add(process.toHandle());
        Processes.writePid(slot.resolve(KeycloakReaper.KEYCLOAK_PID), process.pid());
        return process;
    }

    private long reaper(Path slot, int idleSeconds) throws IOException {
        long pid = ReaperProcesses.start(slot, marker(slot), idleSeconds);
        ProcessHandle.of(pid).ifPresent(started::add);
        return pid;
    }

    private static String marker(Path slot) {
        return slot.resolve("keycloak-" + ModuleJars.version("keycloak.version")).resolve("bin") + "/";
    }

    private Process holder(String mode, Path path) throws IOException {
        Path log = Files.createTempFile(dir, "holder-", ".log");
        Process process = new ProcessBuilder(ModuleJars.javaExecutable(), "-XX:TieredStopAtLevel=1",
                "-cp", System.getProperty("java.class.path"), "-Dsafetyhub.root=" + RootDir.find(),
                LeaseHolderMain.class.getName(), mode, path.toString())
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        started.add(process.toHandle());
        logs.put(process, log);
        return process;
    }

    private Matcher awaitLine(Process holder, Pattern line) {
        Path log = logs.get(holder);
        return await().atMost(Duration.ofSeconds(60)).until(() -> {
            String output = Files.readString(log);
            Matcher matcher = line.matcher(output);
            if (matcher.find()) {
                return matcher;
            }
            if (!holder.isAlive()) {
                throw new AssertionError("the holder JVM exited with " + holder.exitValue() + ":\n" + output);
            }
            return null;
        }, matcher -> matcher != null);
    }

    private static boolean alive(long pid) {
        return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
    }
}
