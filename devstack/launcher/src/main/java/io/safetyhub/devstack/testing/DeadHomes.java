package io.safetyhub.devstack.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;

/** The stack homes ({@code target/test-infra/<pid>}) of test JVMs that are gone: removed when the next one starts. */
final class DeadHomes {
    private DeadHomes() {
    }

    static void remove(Path base) {
        if (!Files.isDirectory(base)) {
            return;
        }
        try (var dirs = Files.list(base)) {
            dirs.filter(dir -> dir.getFileName().toString().matches("\\d+"))
                    .filter(dir -> ProcessHandle.of(Long.parseLong(dir.getFileName().toString()))
                            .map(handle -> !handle.isAlive()).orElse(true))
                    .forEach(DeadHomes::deleteQuietly);
        } catch (IOException e) {
            // old homes only cost disk space
        }
    }

    private static void deleteQuietly(Path dir) {
        try (var paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            // best effort
        }
    }
}
