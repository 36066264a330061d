package io.safetyhub.devstack.testing;

import io.safetyhub.devstack.Component;
import io.safetyhub.devstack.Infra;
import io.safetyhub.devstack.KeycloakDist;
import io.safetyhub.devstack.Processes;
import io.safetyhub.devstack.StackHome;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One Keycloak for every test JVM of a checkout: a slot ({@code <root>/.safetyhub/test-keycloak}) keeps the
 * unpacked distribution and its database, and while a Keycloak runs there, {@code shared-keycloak.properties}
 * records its port, pid, the pid of its {@link KeycloakReaper} and the realm file's digest.
 *
 * <p>A test JVM {@link #claim claims} the slot under an exclusive lock on {@code start.lock} (so two JVMs never
 * start two Keycloaks on one database): it attaches to the recorded Keycloak when that is alive and answers its
 * realm's discovery document, else stops whatever is left there and starts a fresh one, detached, with its reaper.
 * Either way it then holds a shared lock on {@code lease} until it exits; the reaper stops Keycloak once nobody
 * has held it for {@value #IDLE_PROPERTY} seconds (default {@value #DEFAULT_IDLE_SECONDS}: the longest gap
 * between two modules' test JVMs in a CI build is about 70 s).
 */
public final class SharedKeycloak implements AutoCloseable {

    public static final String IDLE_PROPERTY = "safetyhub.test.keycloak.idle-seconds";
    public static final int DEFAULT_IDLE_SECONDS = 120;

    /** Slots, tried in order: a slot is skipped only while a Keycloak with another realm file serves JVMs there. */
    static final int SLOTS = 3;

    enum Decision { ATTACH, ADOPT, OTHER_SLOT, START }

    private final Path slot;
    private final Component component;
    private final boolean mustStart;
    private final FileChannel leaseChannel;
    private final FileLock leaseLock;
    private FileChannel startChannel;
    private FileLock startLock;
    private final long reaperPid;
    private final String realmDigest;

    private SharedKeycloak(Path slot, Component component, boolean mustStart, FileChannel leaseChannel,
                           FileLock leaseLock, FileChannel startChannel, FileLock startLock, long reaperPid,
                           String realmDigest) {
        this.slot = slot;
        this.component = component;
        this.mustStart = mustStart;
        this.leaseChannel = leaseChannel;
        this.leaseLock = leaseLock;
        this.startChannel = startChannel;
        this.startLock = startLock;
        this.reaperPid = reaperPid;
        this.realmDigest = realmDigest;
    }

    /**
     * A lease on the first usable slot under {@code safetyhubDir}, or empty when each slot serves other JVMs a
     * Keycloak with an older realm file. When {@link #mustStart()}, the caller starts {@link #component()} and
     * then calls {@link #started()}; until then this JVM holds the slot's start lock.
     */
    public static Optional<SharedKeycloak> claim(Path root, Path safetyhubDir, PrintStream out) {
        for (int i = 0; i < SLOTS; i++) {
            Path slot = slot(safetyhubDir, i);
            try {
                SharedKeycloak claimed = claimSlot(root, slot, out);
                if (claimed != null) {
                    return Optional.of(claimed);
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot claim the shared test Keycloak in " + slot, e);
            }
        }
        return Optional.empty();
    }

    static Path slot(Path safetyhubDir, int index) {
        return safetyhubDir.resolve(index == 0 ? "test-keycloak" : "test-keycloak-" + index).toAbsolutePath().normalize();
    }

    /** What to do with a slot, from what is recorded there and what is running. */
    static Decision decide(boolean recorded, boolean keycloakAlive, boolean answers, boolean realmCurrent,
                           boolean reaperAlive, boolean inUse) {
        if (!recorded || !keycloakAlive || !answers) {
            return Decision.START;
        }
        if (!realmCurrent) {
            // Restarting would pull Keycloak from under the JVMs using it.
            return inUse ? Decision.OTHER_SLOT : Decision.START;
        }
        return reaperAlive ? Decision.ATTACH : Decision.ADOPT;
    }

    /** The idle time the reaper waits for: {@value #IDLE_PROPERTY} or {@code SAFETYHUB_TEST_KEYCLOAK_IDLE_SECONDS}. */
    static int idleSeconds(String property, String environment) {
        String value = property != null && !property.isBlank() ? property : environment;
        if (value == null || value.isBlank()) {
            return DEFAULT_IDLE_SECONDS;
        }
        try {
            int seconds = Integer.parseInt(value.trim());
            if (seconds >= 1) {
                return seconds;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException(IDLE_PROPERTY + " must be a whole number of seconds >= 1, not '" + value + "'");
    }

    private static SharedKeycloak claimSlot(Path root, Path slot, PrintStream out) throws IOException {
        Files.createDirectories(slot);
        FileChannel start = open(slot.resolve(KeycloakReaper.START_LOCK));
        FileChannel lease = null;
        try {
            FileLock startLock = start.lock();
            lease = open(slot.resolve(KeycloakReaper.LEASE));
            String digest = KeycloakDist.sha256(realmFile(root));
            Optional<SlotState> state = SlotState.read(slot.resolve(KeycloakReaper.STATE));
            Component recorded = component(root, slot, state.map(SlotState::port).orElse(0), out);
            boolean keycloakAlive = state.isPresent() && Processes.running(recorded)
                    .filter(handle -> handle.pid() == state.get().keycloakPid()).isPresent();
            boolean answers = keycloakAlive && recorded.probe().ready(recorded.logFile(), Duration.ZERO);
            boolean realmCurrent = state.isPresent() && state.get().realmDigest().equals(digest);
            boolean reaperAlive = state.isPresent() && ReaperProcesses.find(slot, state.get().reaperPid()).isPresent();
            boolean inUse = answers && !realmCurrent && inUse(lease);
            Decision decision = decide(state.isPresent(), keycloakAlive, answers, realmCurrent, reaperAlive, inUse);
            switch (decision) {
                case OTHER_SLOT -> {
                    out.println("[info] " + slot + " serves running test JVMs a Keycloak with an older realm file; trying the next slot");
                    lease.close();
                    startLock.release();
                    start.close();
                    return null;
                }
                case ATTACH, ADOPT -> {
                    long reaperPid = state.get().reaperPid();
                    if (decision == Decision.ADOPT) {
                        out.println("[info] the shared test Keycloak (pid " + state.get().keycloakPid()
                                + ") had no reaper: starting one");
                        reaperPid = ReaperProcesses.start(slot, recorded.marker(), configuredIdleSeconds());
                        new SlotState(state.get().port(), state.get().keycloakPid(), reaperPid, digest).write(slot.resolve(KeycloakReaper.STATE));
                    }
                    FileLock leaseLock = lease.lock(0, Long.MAX_VALUE, true);
                    startLock.release();
                    start.close();
                    return new SharedKeycloak(slot, recorded, false, lease, leaseLock, null, null, reaperPid, digest);
                }
                default -> {
                    List<String> stale = stopLeftovers(slot, recorded, state);
                    if (!stale.isEmpty()) {
                        out.println("[info] stopped what an earlier test run left in " + slot + ": " + stale);
                    }
                    Component fresh = component(root, slot, Infra.freePort(), out);
                    long reaperPid = ReaperProcesses.start(slot, fresh.marker(), configuredIdleSeconds());
                    FileLock leaseLock = lease.lock(0, Long.MAX_VALUE, true);
                    return new SharedKeycloak(slot, fresh, true, lease, leaseLock, start, startLock, reaperPid, digest);
                }
            }
        } catch (IOException | RuntimeException e) {
            if (lease != null) {
                lease.close();
            }
            start.close(); // releases the start lock too
            throw e;
        }
    }

    /** The slot's Keycloak component on {@code port}: log in {@code <slot>/logs}, pid file beside the database. */
    static Component component(Path root, Path slot, int port, PrintStream out) {
        return new Infra(root, new StackHome(slot), new Infra.Ports(0, 0, 0, 0, port), slot,
                slot.resolve(KeycloakReaper.KEYCLOAK_PID), true, out).keycloak();
    }

    /** Keycloak must be started by this JVM (nothing usable was running). */
    public boolean mustStart() {
        return mustStart;
    }

    public Component component() {
        return component;
    }

    public int port() {
        return component.port();
    }

    public Path slot() {
        return slot;
    }

    /**
     * After the attempt to start {@link #component()}: records Keycloak for the JVMs to come if it runs (on failure
     * Stack.up stopped it, and its reaper exits finding nothing to watch), and lets them in.
     */
    public synchronized void started() {
        try {
            Optional<ProcessHandle> keycloak = Processes.running(component);
            if (keycloak.isPresent()) {
                new SlotState(port(), keycloak.get().pid(), reaperPid, realmDigest).write(slot.resolve(KeycloakReaper.STATE));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot record the shared test Keycloak in " + slot, e);
        } finally {
            releaseStartLock();
        }
    }

    /** Lets the reaper count this JVM out; Keycloak keeps running for the next one. */
    @Override
    public synchronized void close() {
        releaseStartLock();
        try {
            if (leaseLock.isValid()) {
                leaseLock.release();
            }
            leaseChannel.close();
        } catch (IOException e) {
            // the OS drops the lock with the process anyway
        }
    }

    private void releaseStartLock() {
        try {
            if (startLock != null) {
                startLock.release();
                startChannel.close();
            }
        } catch (IOException e) {
            // closing the channel drops the lock; nothing else to do
        } finally {
            startLock = null;
            startChannel = null;
        }
    }

    static boolean inUse(FileChannel lease) throws IOException {
        FileLock probe = lease.tryLock();
        if (probe == null) {
            return true;
        }
        probe.release();
        return false;
    }

    static List<String> stopLeftovers(Path slot, Component keycloak, Optional<SlotState> state) {
        List<ProcessHandle> handles = new ArrayList<>();
        List<String> names = new ArrayList<>();
        Processes.running(keycloak).ifPresent(handle -> {
            handles.add(handle);
            names.add("keycloak (pid " + handle.pid() + ")");
        });
        state.flatMap(s -> ReaperProcesses.find(slot, s.reaperPid())).ifPresent(handle -> {
            handles.add(handle);
            names.add("reaper (pid " + handle.pid() + ")");
        });
        Processes.stopTrees(handles);
        Processes.deleteQuietly(keycloak.pidFile());
        Processes.deleteQuietly(slot.resolve(KeycloakReaper.REAPER_PID));
        return names;
    }

    private static int configuredIdleSeconds() {
        return idleSeconds(System.getProperty(IDLE_PROPERTY), System.getenv("SAFETYHUB_TEST_KEYCLOAK_IDLE_SECONDS"));
    }

    private static Path realmFile(Path root) {
        return root.resolve("devstack/realm/safetyhub-realm.json");
    }

    static FileChannel open(Path file) throws IOException {
        return FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
    }
}
