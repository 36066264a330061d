package io.safetyhub.devstack.testing;

import io.safetyhub.devstack.ModuleJars;
import io.safetyhub.devstack.RootDir;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * One Keycloak for several test JVMs, with real JVMs ({@link LeaseHolderMain}) and a 2 s idle time, in a slot of its
 * own ({@code .safetyhub/shared-keycloak-it}) so that the checkout's test Keycloak is not disturbed.
 */
class SharedKeycloakIT {

    private static final int IDLE_SECONDS = 2;
    private static final Pattern LEASED = Pattern.compile("LEASED port=(\\d+) keycloak=(\\d+) started=(true|false)");
    private static Path root;
    private static Path base;
    private final List<Process> holders = new ArrayList<>();

    @BeforeAll
    static void seedDistribution() throws IOException {
        root = RootDir.find();
        base = root.resolve(".safetyhub").resolve("shared-keycloak-it");
        Path dist = slot().resolve("keycloak-" + ModuleJars.version("keycloak.version"));
        if (Files.isDirectory(dist.resolve("bin"))) {
            return;
        }
        // Unpacking and building Keycloak again here would cost a clean CI build a minute or more: copy the
        // checkout's own (TestInfraIT needs it anyway), without its database, which a running Keycloak writes.
        TestInfra.shared();
        Path source = java.util.stream.IntStream.range(0, SharedKeycloak.SLOTS)
                .mapToObj(i -> SharedKeycloak.slot(root.resolve(".safetyhub"), i).resolve(dist.getFileName()))
                .filter(candidate -> Files.isDirectory(candidate.resolve("bin"))).findFirst().orElseThrow();
        Files.createDirectories(slot());
        Path staging = Files.createTempDirectory(slot(), ".copying-");
        try (var paths = Files.walk(source)) {
            for (Path from : (Iterable<Path>) paths::iterator) {
                Path relative = source.relativize(from);
                if (relative.startsWith("data")) {
                    continue;
                }
                Path to = staging.resolve(relative.toString());
                if (Files.isDirectory(from)) {
                    Files.createDirectories(to);
                } else {
                    Files.copy(from, to, StandardCopyOption.COPY_ATTRIBUTES);
                }
            }
        }
        Files.move(staging, dist, StandardCopyOption.ATOMIC_MOVE);
    }

    @AfterEach
    void stopHolders() {
        holders.forEach(Process::destroyForcibly);
        // Whatever a failed test left running: nobody holds a lease any more.
        TestKeycloaks.stopUnused(root, base, System.out);
    }

    @Test
    void shouldReuseOneKeycloakWhenASecondJvmAttachesAndStopItWhenTheLastHolderIsKilled() throws Exception {
        Leased first = holder("first");
        Leased second = holder("second");

        assertTrue(first.started(), "the first JVM starts Keycloak");
        assertFalse(second.started(), "the second JVM reuses it");
        assertEquals(first.port(), second.port());
        assertEquals(first.keycloakPid(), second.keycloakPid());
        ProcessHandle keycloak = ProcessHandle.of(first.keycloakPid()).orElseThrow();
        long reaper = state().reaperPid();

        first.process().destroyForcibly().waitFor();
        // kill -9 of one holder: the other still holds the lease, so the reaper must leave Keycloak alone.
        await().during(Duration.ofSeconds(3L * IDLE_SECONDS)).atMost(Duration.ofSeconds(3L * IDLE_SECONDS + 5))
                .until(keycloak::isAlive);

        second.process().destroyForcibly().waitFor();

        await().atMost(Duration.ofSeconds(IDLE_SECONDS + 40)).until(() -> !keycloak.isAlive() && !alive(reaper));
        assertFalse(Files.exists(slot().resolve(KeycloakReaper.STATE)), "the reaper removes the record");
    }

    @Test
    void shouldStopKeycloakAfterTheIdleTimeWhenAJvmAdoptedItFromAKilledReaper() throws Exception {
        Leased first = holder("first");
        ProcessHandle keycloak = ProcessHandle.of(first.keycloakPid()).orElseThrow();
        long killedReaper = state().reaperPid();
        ProcessHandle.of(killedReaper).orElseThrow().destroyForcibly();
        await().atMost(Duration.ofSeconds(10)).until(() -> !alive(killedReaper));

        Leased second = holder("second");

        assertFalse(second.started());
        assertEquals(first.keycloakPid(), second.keycloakPid());
        long adoptive = state().reaperPid();
        assertNotEquals(killedReaper, adoptive);
        assertTrue(alive(adoptive), "a reaper watches the adopted Keycloak");

        first.process().getOutputStream().close();
        second.process().getOutputStream().close();
        assertEquals(0, first.process().waitFor());
        assertEquals(0, second.process().waitFor());

        await().atMost(Duration.ofSeconds(IDLE_SECONDS + 40)).until(() -> !keycloak.isAlive() && !alive(adoptive));
    }

    private record Leased(Process process, int port, long keycloakPid, boolean started) {
    }

    /** Starts a holder JVM and waits for its lease (the first start of Keycloak here includes unpack and import). */
    private Leased holder(String name) throws IOException {
        Path log = base.resolve("holder-" + name + ".log");
        Files.createDirectories(base);
        Process process = new ProcessBuilder(ModuleJars.javaExecutable(), "-XX:TieredStopAtLevel=1",
                "-cp", System.getProperty("java.class.path"),
                "-Dsafetyhub.root=" + root, "-D" + SharedKeycloak.IDLE_PROPERTY + "=" + IDLE_SECONDS,
                LeaseHolderMain.class.getName(), base.toString())
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        holders.add(process);
        Matcher leased = await().atMost(Duration.ofSeconds(300))
                .until(() -> leasedLine(log, process), Optional::isPresent).orElseThrow();
        return new Leased(process, Integer.parseInt(leased.group(1)), Long.parseLong(leased.group(2)),
                Boolean.parseBoolean(leased.group(3)));
    }

    private static Optional<Matcher> leasedLine(Path log, Process process) throws IOException {
        String output = Files.exists(log) ? Files.readString(log) : "";
        Matcher matcher = LEASED.matcher(output);
        if (matcher.find()) {
            return Optional.of(matcher);
        }
        if (!process.isAlive()) {
            throw new AssertionError("the holder JVM exited with " + process.exitValue() + ":\n" + output);
        }
        return Optional.empty();
    }

    private static Path slot() {
        return SharedKeycloak.slot(base, 0);
    }

    private static SlotState state() {
        return SlotState.read(slot().resolve(KeycloakReaper.STATE)).orElseThrow();
    }

    private static boolean alive(long pid) {
        return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
    }
}
