package io.safetyhub.devstack;

import java.nio.file.Path;

/**
 * Where one stack keeps its files: {@code logs/<name>.log}, {@code run/<name>.pid} and
 * {@code data/<name>/}. The laptop stack lives in {@code <root>/.safetyhub}; each test JVM gets
 * its own throwaway home.
 */
public record StackHome(Path dir) {

    public StackHome {
        dir = dir.toAbsolutePath().normalize();
    }

    public Path logs() {
        return dir.resolve("logs");
    }

    public Path run() {
        return dir.resolve("run");
    }

    public Path logFile(String name) {
        return logs().resolve(name + ".log");
    }

    public Path pidFile(String name) {
        return run().resolve(name + ".pid");
    }

    public Path data(String name) {
        return dir.resolve("data").resolve(name);
    }
}
