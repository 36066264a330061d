package io.safetyhub.devstack.testing;

import io.safetyhub.devstack.Component;
import io.safetyhub.devstack.Infra;
import io.safetyhub.devstack.Platform;
import io.safetyhub.devstack.Processes;
import io.safetyhub.devstack.RootDir;
import io.safetyhub.devstack.Stack;
import io.safetyhub.devstack.StackHome;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The real infrastructure for tests: mongo-wire and Kafka started once per JVM on free ports, each in its own process
 * and stopped by a shutdown hook, with files in {@code <root>/target/test-infra/<pid>}; Keycloak with the SafetyHub
 * realm shared by every test JVM of the checkout ({@link SharedKeycloak}: started by the first, reused by the next,
 * stopped by its reaper once idle), its distribution and database kept in {@code <root>/.safetyhub/test-keycloak}.
 * No MQTT broker: device-adapter is the MQTT endpoint, see {@link #mqttUrl()}.
 *
 * <p>A static holder on purpose: a JVM-wide harness shared by every test class, the one place
 * where the project allows static state.
 */
public final class TestInfra {

    private static TestInfra shared;
    private static RuntimeException failure;

    private final StackHome home;
    private final Infra infra;
    private final Stack stack;
    private final Map<String, Component> components = new LinkedHashMap<>();
    /** Components as first started, for {@link #restartWith} to restore. */
    private final Map<String, Component> originals = new LinkedHashMap<>();
    private final TokenClient tokens;
    private Platform platform;
    private final PrintStream out = System.out;
    /** The lease on the checkout's shared Keycloak; null when this JVM runs a private one. */
    private final SharedKeycloak sharedKeycloak;

    /** The harness of this JVM, started on first use. A failed start is reported again on each call. */
    public static synchronized TestInfra shared() {
        if (shared != null) {
            return shared;
        }
        if (failure != null) {
            throw new IllegalStateException("the test infrastructure failed to start earlier in this JVM: "
                    + failure.getMessage(), failure);
        }
        try {
            TestInfra infra = new TestInfra(RootDir.find());
            infra.start();
            shared = infra;
            return shared;
        } catch (RuntimeException e) {
            failure = e;
            throw e;
        }
    }

    private TestInfra(Path root) {
        Path base = root.resolve("target").resolve("test-infra");
        DeadHomes.remove(base);
        this.home = new StackHome(base.resolve(Long.toString(ProcessHandle.current().pid())));
        this.stack = new Stack(out);
        new Infra(root, home, Infra.Ports.defaults(), SharedKeycloak.slot(root.resolve(".safetyhub"), 0),
                home.pidFile(Infra.KEYCLOAK), true, out).requireBuilt();
        // Blocks while another test JVM of this checkout checks or starts the shared Keycloak.
        this.sharedKeycloak = SharedKeycloak.claim(root, root.resolve(".safetyhub"), out).orElse(null);
        Infra.Ports free = Infra.Ports.free();
        if (sharedKeycloak != null) {
            Infra.Ports ports = new Infra.Ports(free.mongo(), free.kafka(), free.kafkaController(), free.mqtt(),
                    sharedKeycloak.port());
            this.infra = new Infra(root, home, ports, sharedKeycloak.slot(), sharedKeycloak.component().pidFile(), true, out);
            components.put(Infra.MONGO, infra.mongo());
            components.put(Infra.KAFKA, infra.kafka());
            components.put(Infra.KEYCLOAK, sharedKeycloak.component());
        } else {
            out.println("[info] every shared test Keycloak serves other test JVMs an older realm; using a private copy (slower)");
            this.infra = new Infra(root, home, free, home.dir().resolve("keycloak"), home.pidFile(Infra.KEYCLOAK), true, out);
            infra.components().forEach(component -> components.put(component.name(), component));
        }
        this.tokens = new TokenClient("http://127.0.0.1:" + infra.ports().keycloak(), Infra.REALM);
    }

    private void start() {
        Runtime.getRuntime().addShutdownHook(new Thread(this::shutdown, "safetyhub-test-infra-stop"));
        long started = System.nanoTime();
        List<Component> toStart = new ArrayList<>(List.of(components.get(Infra.MONGO), components.get(Infra.KAFKA)));
        if (sharedKeycloak == null || sharedKeycloak.mustStart()) {
            toStart.add(components.get(Infra.KEYCLOAK));
        } else {
            out.printf(Locale.ROOT, "%-7s%-19s%-18s%s%n", "[ok]", Infra.KEYCLOAK, "127.0.0.1:" + sharedKeycloak.port(),
                    "shared, already running (" + sharedKeycloak.slot() + ")");
        }
        try {
            stack.up(toStart);
        } finally {
            if (sharedKeycloak != null && sharedKeycloak.mustStart()) {
                // On failure Stack.up stopped it again; the reaper then finds nothing to watch.
                sharedKeycloak.started();
            }
        }
        out.printf(Locale.ROOT, "[ok]   test infrastructure ready in %.1fs (files under %s)%n",
                (System.nanoTime() - started) / 1e9, home.dir());
    }

    /** {@code mongodb://127.0.0.1:<port>} */
    public String mongoConnectionString() {
        return infra.mongoConnectionString();
    }

    /** {@code 127.0.0.1:<port>} */
    public String kafkaBootstrapServers() {
        return infra.kafkaBootstrapServers();
    }

    /**
     * {@code tcp://127.0.0.1:<port>}: the plain MQTT listener of the device-adapter {@link #startPlatform} starts
     * (nothing listens there before); demo devices log in with {@link Platform#DEMO_DEVICE_PASSWORD}.
     */
    public String mqttUrl() {
        return infra.mqttUrl();
    }

    /** {@code http://localhost:<port>} */
    public String keycloakUrl() {
        return infra.keycloakUrl();
    }

    /** {@code http://localhost:<port>/realms/safetyhub}, exactly the {@code iss} of every token. */
    public String issuer() {
        return infra.issuer();
    }

    /**
     * An access token of a demo user (reg.city, reg.banan, ent.chem, ent.build, ops), by password
     * grant on {@code safetyhub-console}; reused until a minute before it expires.
     */
    public String token(String username) {
        return tokens.passwordGrant(username);
    }

    /** A client-credentials access token of the confidential client {@code safetyhub-services}. */
    public String serviceToken() {
        return tokens.clientCredentials();
    }

    /**
     * The configuration {@link RealInfraResource} gives a Quarkus test: Mongo connection string,
     * Kafka bootstrap servers, OIDC auth-server-url (= issuer), and the key enforcement-service seals reporters with.
     */
    public Map<String, String> quarkusConfig() {
        Map<String, String> config = new LinkedHashMap<>();
        config.put("quarkus.mongodb.connection-string", mongoConnectionString());
        config.put("kafka.bootstrap.servers", kafkaBootstrapServers());
        config.put("quarkus.oidc.auth-server-url", issuer());
        // enforcement-service seals reporters' identities with it (others ignore it): this JVM's own, like its stack.
        config.put("enforcement.reports.encryption-key", io.safetyhub.devstack.StackSecrets.reportsKey(home));
        return Map.copyOf(config);
    }

    /**
     * Starts the named SafetyHub apps (services, simulator) as real processes from their built jars,
     * linked to this JVM's infrastructure; they are stopped with it. Ports are chosen once per JVM for
     * every app, so later calls (from other test classes) find already running apps where they are and
     * a gateway always points at its upstreams' real ports.
     *
     * @return base URL per requested app name, e.g. {@code gateway -> http://127.0.0.1:41234}
     */
    public synchronized Map<String, String> startPlatform(List<String> appNames) {
        if (platform == null) {
            platform = new Platform(RootDir.find(), home, infra,
                    Platform.onFreePorts(Platform.APPS.stream().map(Platform.App::name).toList()));
            platform.components().forEach(component -> components.put(component.name(), component));
        }
        List<Platform.App> requested = platform.apps().stream().filter(app -> appNames.contains(app.name())).toList();
        List<String> missing = platform.notBuilt().stream().filter(requested::contains).map(Platform.App::name).toList();
        if (!missing.isEmpty()) {
            throw new IllegalStateException("not built: " + missing + " (run ./mvnw package -DskipTests first)");
        }
        stack.up(requested.stream().map(app -> components.get(app.name())).toList());
        Map<String, String> urls = new LinkedHashMap<>();
        requested.forEach(app -> urls.put(app.name(), "http://127.0.0.1:" + app.port()));
        return urls;
    }

    /**
     * Where an app started by {@link #startPlatform} serves health and metrics: its management interface where it has
     * one (the gateway keeps {@code /q/*} off its public port), else its HTTP port.
     */
    public synchronized String managementUrl(String appName) {
        Platform.App app = platform == null ? null
                : platform.apps().stream().filter(a -> a.name().equals(appName)).findFirst().orElse(null);
        if (app == null) {
            throw new IllegalStateException(appName + " is not part of this JVM's platform: start it with startPlatform");
        }
        return "http://127.0.0.1:" + (app.managementPort() != 0 ? app.managementPort() : app.port());
    }

    /** A running extra device-adapter process: its component name (for {@link #killComponent}) and addresses. */
    public record AdapterReplica(String component, String httpUrl, String mqttUrl) {
    }

    /**
     * Starts another device-adapter process (after {@link #startPlatform} started the first) on free ports, sharing
     * this stack's MongoDB and Kafka: a second replica for failover and scale-out tests. Stopped with the stack.
     */
    public synchronized AdapterReplica startAdapterReplica(String replica) {
        if (platform == null) {
            throw new IllegalStateException("start the platform (startPlatform) before a second device-adapter");
        }
        int httpPort = Infra.freePort();
        int mqttPort = Infra.freePort();
        Component component = platform.adapterReplica(replica, httpPort, mqttPort);
        components.put(component.name(), component);
        stack.up(List.of(component));
        return new AdapterReplica(component.name(), "http://127.0.0.1:" + httpPort, "tcp://127.0.0.1:" + mqttPort);
    }

    /** SIGKILL to one component and its children, as a crash: no shutdown hook runs; startComponent restarts it. */
    public synchronized void killComponent(String name) {
        Component component = component(name);
        Processes.running(component).ifPresent(handle -> {
            handle.descendants().forEach(ProcessHandle::destroyForcibly);
            handle.destroyForcibly();
            handle.onExit().join();
        });
    }

    /** Where this JVM's stack keeps logs ({@code logs/<name>.log}), pid files and data. */
    public Path home() {
        return home.dir();
    }

    /** {@code mongo}, {@code kafka}, {@code keycloak}, then any apps started here. */
    public List<String> componentNames() {
        return List.copyOf(components.keySet());
    }

    /** Stops one component (SIGTERM, then kill after 20 s); its data stays for a later start. */
    public synchronized void stopComponent(String name) {
        stack.stop(component(name));
    }

    /** Starts a stopped component again on the same port with the same data; waits until ready. */
    public synchronized void startComponent(String name) {
        stack.up(List.of(component(name)));
        if (name.equals(Infra.KEYCLOAK)) {
            tokens.forget();
        }
    }

    public synchronized void restart(String name) {
        stopComponent(name);
        startComponent(name);
    }

    /**
     * Restarts a running app with extra system properties and environment variables (a test's stand-ins and their
     * secrets), on the same ports with the same data; empty maps restore it as {@link #startPlatform} started it.
     */
    public synchronized void restartWith(String name, Map<String, String> properties, Map<String, String> environment) {
        Component original = originals.computeIfAbsent(name, this::component);
        stack.stop(component(name));
        Component changed = Reconfigured.with(original, properties, environment);
        components.put(name, changed);
        stack.up(List.of(changed));
    }

    private Component component(String name) {
        Component component = components.get(name);
        if (component != null && sharedKeycloak != null && component == sharedKeycloak.component()) {
            throw new IllegalStateException("keycloak is shared by every test JVM of this checkout (" + sharedKeycloak.slot()
                    + "): stopping or killing it would break the others");
        }
        if (component == null) {
            throw new IllegalArgumentException("no component " + name + "; known: " + components.keySet());
        }
        return component;
    }

    private void shutdown() {
        List<Component> own = components.values().stream()
                .filter(component -> sharedKeycloak == null || component != sharedKeycloak.component()).toList();
        stack.stopAll(Stack.reversed(own));
        if (sharedKeycloak != null) {
            sharedKeycloak.close();
        }
    }
}
