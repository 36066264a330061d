package io.safetyhub.devstack;

import io.safetyhub.devstack.testing.TestKeycloaks;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * {@code bin/safetyhub up [--infra-only] | down | status | logs NAME | stop|kill|start NAME | stop-test-keycloak}: the laptop stack under
 * {@code <root>/.safetyhub} (override with {@code -Dsafetyhub.home}).
 */
public final class Cli {

    private static final String USAGE = """
            usage: bin/safetyhub <command>
              up [--infra-only]   start MongoDB (wire server), Kafka, Keycloak and, unless
                                  --infra-only, the services and the simulator
              down                stop everything `up` started (data under .safetyhub/data survives)
              status              each component with its pid, ports and state
              logs NAME           follow one component's log (tail -F)
              stop NAME           stop one component (SIGTERM, then SIGKILL after 20 s)
              kill NAME           kill one component at once (SIGKILL to it and its children), for fault drills
              start NAME          start one component that is not running, and wait until it is ready
              stop-test-keycloak  stop the Keycloak the test JVMs of this checkout share, unless one still
                                  uses it (bin/safetyhub test does this when Maven ends; `down` does it too)
            """;

    private final Path root;
    private final StackHome home;
    private final Infra infra;
    private final Platform platform;
    private final Stack stack;
    private final PrintStream out;

    Cli(Path root, StackHome home, PrintStream out) {
        this.root = root;
        this.home = home;
        this.out = out;
        this.infra = new Infra(root, home, Infra.Ports.defaults(), home.dir().resolve("keycloak"),
                home.pidFile(Infra.KEYCLOAK), false, out);
        this.platform = new Platform(root, home, infra);
        this.stack = new Stack(out);
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out));
    }

    /** Runs one command; returns the process exit code. */
    public static int run(String[] args, PrintStream out) {
        if (args.length == 0) {
            out.print(USAGE);
            return 2;
        }
        try {
            Path root = RootDir.find();
            Path homeDir = Optional.ofNullable(System.getProperty("safetyhub.home")).map(Path::of)
                    .orElse(root.resolve(".safetyhub"));
            Cli cli = new Cli(root, new StackHome(homeDir), out);
            List<String> rest = List.of(args).subList(1, args.length);
            return switch (args[0]) {
                case "up" -> cli.up(rest.contains("--infra-only"));
                case "down" -> cli.down();
                case "status" -> cli.status();
                case "logs" -> cli.logs(rest);
                case "stop", "kill", "start" -> cli.one(args[0], rest);
                case "stop-test-keycloak" -> cli.stopTestKeycloak();
                default -> {
                    out.print(USAGE);
                    yield 2;
                }
            };
        } catch (StackException e) {
            if (!e.reported()) {
                out.println("[fail] " + e.getMessage());
            }
            return 1;
        } catch (IllegalStateException e) {
            out.println("[fail] " + e.getMessage());
            return 1;
        }
    }

    int up(boolean infraOnly) {
        infra.requireBuilt();
        if (!infraOnly && !platform.notBuilt().isEmpty()) {
            platform.notBuilt().forEach(app -> out.println("[fail] " + app.name()
                    + ": not built (run ./mvnw package -DskipTests)"));
            out.println("Nothing was started. Build first, or start only the infrastructure with --infra-only.");
            return 1;
        }
        List<Component> infraComponents = infra.components();
        List<Component> alreadyUp = running(infraComponents);
        stack.up(infraComponents);
        if (infraOnly) {
            for (Platform.App app : Platform.APPS) {
                out.println(platform.jar(app).isPresent()
                        ? "[skip] " + app.name() + ": --infra-only"
                        : "[skip] " + app.name() + ": not built (run ./mvnw package -DskipTests)");
            }
            printInfra();
            return 0;
        }
        try {
            stack.up(platform.components());
        } catch (StackException e) {
            // Nothing half-running: the infrastructure this call started goes too.
            List<Component> startedNow = new ArrayList<>(infraComponents);
            startedNow.removeAll(alreadyUp);
            if (!startedNow.isEmpty()) {
                out.println("[stop] stopping the infrastructure this run started");
                stack.stopAll(Stack.reversed(startedNow));
            }
            throw e;
        }
        printWelcome();
        return 0;
    }

    int down() {
        List<String> stopped = new ArrayList<>(stack.stopAll(Stack.reversed(platform.components())));
        stopped.addAll(stack.stopAll(Stack.reversed(infra.components())));
        out.println(stopped.isEmpty() ? "[ok]   nothing was running" : "[ok]   stopped " + String.join(", ", stopped));
        return stopTestKeycloak();
    }

    /** The shared test Keycloaks live in the checkout's .safetyhub whatever {@code -Dsafetyhub.home} says. */
    int stopTestKeycloak() {
        TestKeycloaks.stopUnused(root, root.resolve(".safetyhub"), out).forEach(line -> out.println("[ok]   " + line));
        return 0;
    }

    int status() {
        out.printf(Locale.ROOT, "%-20s%-9s%-14s%-24s%s%n", "COMPONENT", "PID", "PORTS", "STATE", "LOG");
        for (Stack.Status row : stack.status(all())) {
            out.printf(Locale.ROOT, "%-20s%-9s%-14s%-24s%s%n", row.name(), row.pid() == 0 ? "-" : Long.toString(row.pid()),
                    row.ports().stream().map(String::valueOf).collect(Collectors.joining(",")),
                    row.state(), root.relativize(row.log()));
        }
        for (TestKeycloaks.Row row : TestKeycloaks.status(root, root.resolve(".safetyhub"), out)) {
            out.printf(Locale.ROOT, "%-20s%-9s%-14s%-24s%s%n", row.name(), row.pid() == 0 ? "-" : Long.toString(row.pid()),
                    row.port(), row.state(), root.relativize(row.log()));
        }
        return 0;
    }

    int logs(List<String> names) {
        if (names.isEmpty()) {
            out.println("usage: bin/safetyhub logs NAME   (one of: "
                    + all().stream().map(Component::name).collect(Collectors.joining(", ")) + ")");
            return 2;
        }
        Optional<Component> component = all().stream().filter(c -> c.name().equals(names.get(0))).findFirst();
        if (component.isEmpty()) {
            out.println("[fail] no component named " + names.get(0) + "; known: "
                    + all().stream().map(Component::name).collect(Collectors.joining(", ")));
            return 2;
        }
        Path log = component.get().logFile();
        if (!Files.exists(log)) {
            out.println("[fail] " + log + " does not exist: " + names.get(0) + " has not run yet");
            return 1;
        }
        try {
            return new ProcessBuilder("tail", "-n", "200", "-F", log.toString()).inheritIO().start().waitFor();
        } catch (IOException e) {
            out.println("[fail] cannot run tail: " + e.getMessage());
            return 1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 130;
        }
    }

    /** stop, kill or start one component by name: what the fault drills under bench/drills need. */
    int one(String action, List<String> names) {
        Optional<Component> component = names.isEmpty() ? Optional.empty()
                : all().stream().filter(c -> c.name().equals(names.get(0))).findFirst();
        if (component.isEmpty()) {
            out.println("usage: bin/safetyhub " + action + " NAME   (one of: "
                    + all().stream().map(Component::name).collect(Collectors.joining(", ")) + ")");
            return 2;
        }
        Component c = component.get();
        switch (action) {
            case "start" -> stack.up(List.of(c));
            case "kill" -> {
                Optional<ProcessHandle> running = Processes.running(c);
                if (running.isEmpty()) {
                    out.println("[ok]   " + c.name() + " was not running");
                    return 0;
                }
                // SIGKILL, no grace: a drill wants the crash, not a clean shutdown. The pid file stays, as after a crash.
                running.get().descendants().forEach(ProcessHandle::destroyForcibly);
                running.get().destroyForcibly();
                running.get().onExit().join();
                out.println("[ok]   killed " + c.name() + " (pid " + running.get().pid() + ", SIGKILL)");
            }
            default -> out.println(stack.stop(c) ? "[ok]   stopped " + c.name() : "[ok]   " + c.name() + " was not running");
        }
        return 0;
    }

    private List<Component> all() {
        List<Component> all = new ArrayList<>(infra.components());
        all.addAll(platform.components());
        return all;
    }

    private List<Component> running(List<Component> components) {
        return components.stream().filter(c -> Processes.running(c).isPresent()).toList();
    }

    private void printInfra() {
        out.println();
        out.println("Infrastructure is up (data, logs and pids under " + home.dir() + "):");
        out.println("  MongoDB   " + infra.mongoConnectionString());
        out.println("  Kafka     " + infra.kafkaBootstrapServers());
        out.println("  MQTT      " + infra.mqttUrl() + "   (device-adapter's listener, once the services run)");
        out.println("  Keycloak  " + infra.keycloakUrl() + "   issuer " + infra.issuer() + "   admin console: admin / admin");
        printLogins();
    }

    private void printWelcome() {
        out.println();
        out.println("SafetyHub is up:  http://localhost:8080");
        out.println("Keycloak:         " + infra.keycloakUrl() + "  (admin console: admin / admin)");
        printLogins();
        out.println("Stop with bin/safetyhub down; see bin/safetyhub status and bin/safetyhub logs NAME.");
    }

    private void printLogins() {
        out.println();
        out.println("Demo logins (password: safetyhub)");
        out.println("  user        role        scope");
        out.println("  reg.city    regulator   the whole city");
        out.println("  reg.banan   regulator   district 巴南区");
        out.println("  ent.chem    enterprise  enterprise_id chem-banan-01 (hazardous chemicals, 巴南区)");
        out.println("  ent.build   enterprise  enterprise_id build-yubei-01 (construction, tower cranes, 渝北区)");
        out.println("  ops         operator    platform operations");
    }
}
