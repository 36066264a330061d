package io.safetyhub.devstack.testing;

import io.safetyhub.devstack.Component;
import io.safetyhub.devstack.Processes;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The shared test Keycloaks of a checkout as {@code bin/safetyhub} sees them: {@code status}, {@code down}, and the end of {@code test}. */
public final class TestKeycloaks {

    private TestKeycloaks() {
    }

    /**
     * Stops the Keycloak (and reaper) of each slot under {@code safetyhubDir} that no test JVM uses now; for
     * {@code bin/safetyhub test} when Maven ends and for {@code down}. Returns one line per slot found.
     */
    public static List<String> stopUnused(Path root, Path safetyhubDir, PrintStream out) {
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < SharedKeycloak.SLOTS; i++) {
            Path slot = SharedKeycloak.slot(safetyhubDir, i);
            if (!Files.isRegularFile(slot.resolve(KeycloakReaper.STATE)) && !Files.exists(slot.resolve(KeycloakReaper.KEYCLOAK_PID))) {
                continue;
            }
            try (FileChannel start = SharedKeycloak.open(slot.resolve(KeycloakReaper.START_LOCK));
                 FileChannel lease = SharedKeycloak.open(slot.resolve(KeycloakReaper.LEASE))) {
                FileLock startLock = start.tryLock();
                FileLock leaseLock = startLock == null ? null : lease.tryLock();
                if (leaseLock == null) {
                    lines.add(slot.getFileName() + ": in use by a running test JVM, left running (its reaper stops it when idle)");
                    continue;
                }
                Optional<SlotState> state = SlotState.read(slot.resolve(KeycloakReaper.STATE));
                List<String> stopped = SharedKeycloak.stopLeftovers(slot, SharedKeycloak.component(root, slot, 0, out), state);
                Files.deleteIfExists(slot.resolve(KeycloakReaper.STATE));
                lines.add(slot.getFileName() + ": " + (stopped.isEmpty() ? "nothing was running" : "stopped " + String.join(", ", stopped)));
            } catch (IOException e) {
                lines.add(slot.getFileName() + ": cannot check (" + e.getMessage() + ")");
            }
        }
        return lines;
    }

    /** {@code status} rows: slot name, Keycloak pid (0 when none), port, state. */
    public static List<Row> status(Path root, Path safetyhubDir, PrintStream out) {
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < SharedKeycloak.SLOTS; i++) {
            Path slot = SharedKeycloak.slot(safetyhubDir, i);
            Optional<SlotState> state = SlotState.read(slot.resolve(KeycloakReaper.STATE));
            if (state.isEmpty()) {
                continue;
            }
            Component recorded = SharedKeycloak.component(root, slot, state.get().port(), out);
            Optional<ProcessHandle> keycloak = Processes.running(recorded);
            String text;
            if (keycloak.isEmpty()) {
                text = "down (stale record)";
            } else {
                boolean used;
                try (FileChannel lease = SharedKeycloak.open(slot.resolve(KeycloakReaper.LEASE))) {
                    used = SharedKeycloak.inUse(lease);
                } catch (IOException e) {
                    used = false;
                }
                text = (used ? "up, used by test JVMs" : "up, idle")
                        + (ReaperProcesses.find(slot, state.get().reaperPid()).isPresent() ? "" : ", no reaper");
            }
            rows.add(new Row(slot.getFileName().toString(), keycloak.map(ProcessHandle::pid).orElse(0L),
                    state.get().port(), text, recorded.logFile()));
        }
        return rows;
    }

    /** One shared test Keycloak for {@code status}. */
    public record Row(String name, long pid, int port, String state, Path log) {
    }
}
