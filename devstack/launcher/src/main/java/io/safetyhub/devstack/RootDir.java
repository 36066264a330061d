package io.safetyhub.devstack;

import java.nio.file.Files;
import java.nio.file.Path;

/** Finds the SafetyHub checkout: the directory that holds {@code devstack/} and {@code mvnw}. */
public final class RootDir {

    private RootDir() {
    }

    /**
     * The system property {@code safetyhub.root} (Surefire sets it to the reactor root) when it
     * points at a checkout, else the nearest such directory above the working directory.
     */
    public static Path find() {
        String property = System.getProperty("safetyhub.root");
        if (property != null && !property.isBlank() && !property.contains("${")) {
            Path candidate = Path.of(property).toAbsolutePath().normalize();
            if (isRoot(candidate)) {
                return real(candidate);
            }
        }
        Path start = Path.of(System.getProperty("user.dir")).toAbsolutePath().normalize();
        for (Path dir = start; dir != null; dir = dir.getParent()) {
            if (isRoot(dir)) {
                return real(dir);
            }
        }
        throw new IllegalStateException("Cannot find the SafetyHub root (a directory holding devstack/ and mvnw) "
                + "above " + start + "; pass -Dsafetyhub.root=/path/to/checkout");
    }

    /**
     * Without symlinks: kc.sh reports its own path resolved, and ownership checks compare that
     * with paths derived from the root.
     */
    private static Path real(Path dir) {
        try {
            return dir.toRealPath();
        } catch (java.io.IOException e) {
            return dir;
        }
    }

    static boolean isRoot(Path dir) {
        return Files.isDirectory(dir.resolve("devstack")) && Files.isRegularFile(dir.resolve("mvnw"));
    }
}
