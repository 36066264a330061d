package io.safetyhub.devstack.testing;

import io.safetyhub.devstack.ModuleJars;
import io.safetyhub.devstack.Processes;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The {@link KeycloakReaper} process of a {@link SharedKeycloak} slot: started detached from a copy of its one class
 * file in {@code <slot>/reaper/} (so that rebuilding the launcher jar cannot break a running reaper), and found again
 * by its pid and that directory on its command line.
 */
final class ReaperProcesses {
    private ReaperProcesses() {
    }

    /** The slot's reaper with this pid, if it is still running (the pid alone could have been reused). */
    static Optional<ProcessHandle> find(Path slot, long pid) {
        String marker = classes(slot).toString();
        return ProcessHandle.of(pid).filter(ProcessHandle::isAlive)
                .filter(handle -> Processes.commandLine(handle).contains(marker));
    }

    private static Path classes(Path slot) {
        return slot.resolve("reaper");
    }

    /**
     * Starts the reaper of the Keycloak whose command line carries {@code keycloakMarker} ({@code <dist>/bin/}), about
     * to start or already running, detached like the components; returns its pid.
     */
    static long start(Path slot, String keycloakMarker, int idleSeconds) throws IOException {
        Path classes = classes(slot);
        Path classFile = classes.resolve(KeycloakReaper.class.getName().replace('.', '/') + ".class");
        try (InputStream in = KeycloakReaper.class.getResourceAsStream(KeycloakReaper.class.getSimpleName() + ".class")) {
            if (in == null) {
                throw new IllegalStateException("KeycloakReaper.class missing from the launcher's classpath");
            }
            byte[] bytes = in.readAllBytes();
            Files.createDirectories(classFile.getParent());
            if (!Files.exists(classFile) || !Arrays.equals(Files.readAllBytes(classFile), bytes)) {
                Files.write(classFile, bytes);
            }
        }
        Path log = slot.resolve("logs").resolve("reaper.log");
        Files.createDirectories(log.getParent());
        List<String> command = new ArrayList<>();
        if (Files.isExecutable(Path.of("/usr/bin/setsid"))) {
            command.add("/usr/bin/setsid"); // outlives the test JVM and its process group
        }
        command.addAll(List.of(ModuleJars.javaExecutable(), "-XX:TieredStopAtLevel=1", "-Xmx16m", "-XX:+UseSerialGC",
                "-cp", classes.toString(), KeycloakReaper.class.getName(), slot.toString(),
                Integer.toString(idleSeconds),
                // The distribution's directory: the reaper adds bin/, so its own command line never carries
                // Keycloak's ownership marker.
                keycloakMarker.substring(0, keycloakMarker.length() - "bin/".length())));
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                .start();
        Processes.writePid(slot.resolve(KeycloakReaper.REAPER_PID), process.pid());
        return process.pid();
    }
}
