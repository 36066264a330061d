package io.safetyhub.devstack.testing;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The tiny process that stops a shared test Keycloak once no test JVM has used it for a while
 * ({@code KeycloakReaper <slot> <idle-seconds> <keycloak-dist-dir/>}). Test JVMs hold a shared lock on the slot's
 * {@code lease} file while they run; the reaper polls it with an exclusive {@code tryLock}, together with
 * the slot's {@code start.lock} (a JVM holding that one is checking or starting Keycloak), and stops Keycloak
 * when both have been free for the idle time. The OS drops a lock when its process dies, so a test JVM killed
 * with kill -9 counts as gone.
 *
 * <p>Self-contained on purpose (JDK only, no nested classes): {@link SharedKeycloak} copies this one class
 * file into the slot and runs it from there, so rebuilding or reinstalling the launcher jar while a reaper
 * runs cannot pull a class from under it.
 */
public final class KeycloakReaper {

    static final String START_LOCK = "start.lock";
    static final String LEASE = "lease";
    static final String KEYCLOAK_PID = "keycloak.pid";
    static final String STATE = "shared-keycloak.properties";
    static final String REAPER_PID = "reaper.pid";
    static final Duration STOP_GRACE = Duration.ofSeconds(20);

    private KeycloakReaper() {
    }

    public static void main(String[] args) throws IOException, InterruptedException {
        if (args.length != 3) {
            System.err.println("usage: KeycloakReaper <slot-dir> <idle-seconds> <keycloak-dist-dir/>");
            System.exit(2);
        }
        Path slot = Path.of(args[0]);
        Duration idle = Duration.ofSeconds(Long.parseLong(args[1]));
        // What kc.sh and its java carry in their command lines (this process only carries the directory).
        String marker = args[2] + "bin/";
        log("watching " + slot + ": Keycloak stops after " + idle.toSeconds() + " s without a test JVM");
        long lastBusy = System.nanoTime();
        try (FileChannel start = open(slot.resolve(START_LOCK)); FileChannel lease = open(slot.resolve(LEASE))) {
            while (true) {
                FileLock startLock = start.tryLock();
                FileLock leaseLock = startLock == null ? null : lease.tryLock();
                try {
                    boolean busy = leaseLock == null;
                    long now = System.nanoTime();
                    if (busy) {
                        lastBusy = now;
                    }
                    Optional<ProcessHandle> keycloak = running(slot.resolve(KEYCLOAK_PID), marker);
                    if (!busy && keycloak.isEmpty()) {
                        log("Keycloak is not running and no test JVM is starting it: nothing left to watch");
                        cleanUp(slot);
                        return;
                    }
                    if (shouldStop(busy, lastBusy, now, idle)) {
                        log("no test JVM used Keycloak (pid " + keycloak.get().pid() + ") for "
                                + idle.toSeconds() + " s: stopping it");
                        stopTree(keycloak.get());
                        cleanUp(slot);
                        log("stopped");
                        return;
                    }
                } finally {
                    if (leaseLock != null) {
                        leaseLock.release();
                    }
                    if (startLock != null) {
                        startLock.release();
                    }
                }
                Thread.sleep(pollMillis(idle));
            }
        }
    }

    /** Stop when nobody holds or is taking the lease, and nobody has for the idle time. */
    static boolean shouldStop(boolean busy, long lastBusyNanos, long nowNanos, Duration idle) {
        return !busy && nowNanos - lastBusyNanos >= idle.toNanos();
    }

    /** A quarter of the idle time, between 100 ms and 1 s: a second late is nothing against 120 s of idling. */
    static long pollMillis(Duration idle) {
        return Math.max(100, Math.min(1000, idle.toMillis() / 4));
    }

    private static FileChannel open(Path file) throws IOException {
        return FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
    }

    /** The pid file's process, if alive and still Keycloak of this slot (its command line names the marker). */
    static Optional<ProcessHandle> running(Path pidFile, String marker) {
        try {
            if (!Files.exists(pidFile)) {
                return Optional.empty();
            }
            long pid = Long.parseLong(Files.readString(pidFile).trim());
            return ProcessHandle.of(pid).filter(ProcessHandle::isAlive)
                    .filter(handle -> commandLine(handle).contains(marker));
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static String commandLine(ProcessHandle handle) {
        Path proc = Path.of("/proc", Long.toString(handle.pid()), "cmdline");
        try {
            if (Files.isReadable(proc)) {
                return new String(Files.readAllBytes(proc), StandardCharsets.UTF_8).replace('\0', ' ');
            }
        } catch (IOException e) {
            // fall through to the portable answer
        }
        return handle.info().commandLine().orElse("");
    }

    /** SIGTERM to kc.sh and its java child at once, SIGKILL to whatever is left after the grace time. */
    private static void stopTree(ProcessHandle root) {
        List<ProcessHandle> all = new ArrayList<>();
        root.descendants().forEach(all::add);
        all.add(root);
        all.forEach(ProcessHandle::destroy);
        long deadline = System.nanoTime() + STOP_GRACE.toNanos();
        for (ProcessHandle handle : all) {
            try {
                handle.onExit().get(Math.max(deadline - System.nanoTime(), 1), TimeUnit.NANOSECONDS);
            } catch (Exception e) {
                handle.descendants().forEach(ProcessHandle::destroyForcibly);
                handle.destroyForcibly();
            }
        }
    }

    /** Called holding both locks: no JVM reads the state meanwhile. */
    private static void cleanUp(Path slot) throws IOException {
        Files.deleteIfExists(slot.resolve(STATE));
        Files.deleteIfExists(slot.resolve(KEYCLOAK_PID));
        Files.deleteIfExists(slot.resolve(REAPER_PID));
    }

    private static void log(String message) {
        System.out.println(Instant.now() + " reaper: " + message);
    }
}
