package io.safetyhub.devstack;

import java.io.File;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Starts, stops and reports on components. Used by the CLI for the laptop stack and by the test
 * harness for its private one. Children are detached (own session, stdin from /dev/null, output to
 * their log file), so they outlive the JVM that started them; stopping goes through pid files.
 */
public final class Stack {

    private static final Path SETSID = Path.of("/usr/bin/setsid");
    private static final int LOG_TAIL_LINES = 40;

    private final PrintStream out;

    public Stack(PrintStream out) {
        this.out = out;
    }

    /**
     * Starts every component that is not already running: all ports are checked first, then all
     * are launched at once (they do not depend on each other within one call) and waited for in
     * list order, one progress line each. If any fails, everything this call started is stopped
     * again and a {@link StackException} naming the component is thrown.
     */
    public void up(List<Component> components) {
        List<Component> toStart = new ArrayList<>();
        for (Component component : components) {
            Optional<ProcessHandle> running = Processes.running(component);
            if (running.isPresent()) {
                line("ok", component.name(), component.probe().target(),
                        "already running (pid " + running.get().pid() + ")");
            } else {
                Processes.deleteQuietly(component.pidFile());
                toStart.add(component);
            }
        }
        refuseTakenPorts(toStart);

        List<Launched> launched = new CopyOnWriteArrayList<>();
        AtomicBoolean abandoned = new AtomicBoolean();
        // Ctrl-C while waiting must not leave half a stack behind either.
        Thread onInterrupt = new Thread(() -> abandon(launched, abandoned, "interrupted"), "stack-up-interrupted");
        Runtime.getRuntime().addShutdownHook(onInterrupt);
        try {
            // All preparation (unpacking Keycloak takes seconds) before the first launch, so that
            // "ready in" measures the component and not its neighbours' preparation.
            for (Component component : toStart) {
                prepare(component);
            }
            for (Component component : toStart) {
                launched.add(launch(component));
            }
            for (Launched each : launched) {
                await(each, abandoned);
            }
        } catch (RuntimeException e) {
            abandon(launched, abandoned, "failed");
            throw e;
        } finally {
            try {
                Runtime.getRuntime().removeShutdownHook(onInterrupt);
            } catch (IllegalStateException shuttingDown) {
                // the hook is running or about to: it does the clean-up
            }
        }
    }

    private void abandon(List<Launched> launched, AtomicBoolean abandoned, String why) {
        if (!abandoned.compareAndSet(false, true)) {
            return;
        }
        List<Component> started = launched.stream().map(Launched::component).toList();
        if (!started.isEmpty()) {
            out.println("[stop] " + why + ": stopping what this run started: "
                    + String.join(", ", started.stream().map(Component::name).toList()));
            stopAll(reversed(started));
        }
    }

    /** Stops the components whose pid files name live processes of ours; returns those stopped. */
    public List<String> stopAll(List<Component> components) {
        List<ProcessHandle> handles = new ArrayList<>();
        List<String> stopped = new ArrayList<>();
        for (Component component : components) {
            Optional<ProcessHandle> running = Processes.running(component);
            running.ifPresent(handle -> {
                handles.add(handle);
                stopped.add(component.name() + " (pid " + handle.pid() + ")");
            });
        }
        Processes.stopTrees(handles);
        components.forEach(component -> Processes.deleteQuietly(component.pidFile()));
        return stopped;
    }

    public boolean stop(Component component) {
        return !stopAll(List.of(component)).isEmpty();
    }

    /** One row per component for `status`. */
    public List<Status> status(List<Component> components) {
        List<Status> rows = new ArrayList<>();
        for (Component component : components) {
            Optional<ProcessHandle> running = Processes.running(component);
            String state;
            if (running.isPresent()) {
                state = component.probe().ready(component.logFile(), Duration.ofDays(1)) ? "up" : "up, not ready";
            } else if (Files.exists(component.pidFile())) {
                state = "down (stale pid file)";
            } else {
                state = "down";
            }
            rows.add(new Status(component.name(), running.map(ProcessHandle::pid).orElse(0L),
                    component.ports(), state, component.logFile()));
        }
        return rows;
    }

    /** A row of `status`: pid 0 when not running. */
    public record Status(String name, long pid, List<Integer> ports, String state, Path log) {
    }

    private void refuseTakenPorts(List<Component> toStart) {
        List<String> problems = new ArrayList<>();
        for (Component component : toStart) {
            for (int port : component.ports()) {
                if (!Processes.portFree(port)) {
                    problems.add(component.name() + ": port " + port
                            + " is already in use by another program (not one this stack started)");
                }
            }
        }
        if (!problems.isEmpty()) {
            problems.forEach(problem -> out.println("[fail] " + problem));
            out.println("Nothing was started: stop that program or give the component another port.");
            throw new StackException(String.join("; ", problems) + ". Nothing was started.", null, true);
        }
    }

    private void prepare(Component component) {
        try {
            component.prepare().run();
        } catch (IOException | RuntimeException e) {
            String message = component.name() + " could not be prepared: " + e.getMessage();
            out.println("[fail] " + message);
            throw new StackException(message, e, true);
        }
    }

    private Launched launch(Component component) {
        try {
            Files.createDirectories(component.logFile().getParent());
            if (Files.exists(component.logFile())) {
                Path previous = component.logFile().resolveSibling(component.logFile().getFileName() + ".1");
                Files.move(component.logFile(), previous, StandardCopyOption.REPLACE_EXISTING);
            }
            List<String> command = new ArrayList<>();
            // A session of its own: closing the terminal or Ctrl-C after `up` must not reach it.
            if (Files.isExecutable(SETSID)) {
                command.add(SETSID.toString());
            }
            command.addAll(component.command());
            ProcessBuilder builder = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(component.logFile().toFile()))
                    .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
            if (component.workDir() != null) {
                Files.createDirectories(component.workDir());
                builder.directory(component.workDir().toFile());
            }
            builder.environment().putAll(component.environment());
            long startedAt = System.nanoTime();
            Process process = builder.start();
            try {
                Processes.writePid(component.pidFile(), process.pid());
            } catch (IOException e) {
                // Without a pid file nothing could ever stop it again.
                process.destroyForcibly();
                throw e;
            }
            return new Launched(component, process, startedAt);
        } catch (IOException | RuntimeException e) {
            String message = component.name() + " could not be launched: " + e.getMessage();
            out.println("[fail] " + message);
            throw new StackException(message, e, true);
        }
    }

    private void await(Launched launched, AtomicBoolean abandoned) {
        Component component = launched.component();
        while (true) {
            if (abandoned.get()) {
                throw new StackException("start abandoned", null, true);
            }
            Duration elapsed = Duration.ofNanos(System.nanoTime() - launched.startedAt());
            if (component.probe().ready(component.logFile(), elapsed)) {
                line("ok", component.name(), component.probe().target(),
                        String.format(Locale.ROOT, "ready in %.1fs", elapsed.toMillis() / 1000.0));
                return;
            }
            if (!launched.process().isAlive()) {
                throw failure(component, "exited with code " + launched.process().exitValue());
            }
            if (elapsed.compareTo(component.startTimeout()) > 0) {
                throw failure(component, "not ready after " + component.startTimeout().toSeconds()
                        + " s (waiting for " + component.probe().target() + ")");
            }
            try {
                Thread.sleep(150);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw failure(component, "interrupted while waiting for it");
            }
        }
    }

    private StackException failure(Component component, String why) {
        String message = component.name() + " failed to start: " + why + " (log: " + component.logFile() + ")";
        out.println("[fail] " + message);
        out.println("------ last lines of " + component.logFile().getFileName() + " ------");
        out.println(Processes.tail(component.logFile(), LOG_TAIL_LINES));
        out.println("------");
        return new StackException(message, null, true);
    }

    private void line(String tag, String name, String target, String text) {
        out.printf(Locale.ROOT, "%-7s%-19s%-18s%s%n", "[" + tag + "]", name, target, text);
    }

    private record Launched(Component component, Process process, long startedAt) {
    }

    /** Components in reverse order, for stopping what depends on others first. */
    public static List<Component> reversed(List<Component> components) {
        List<Component> copy = new ArrayList<>(components);
        Collections.reverse(copy);
        return copy;
    }
}
