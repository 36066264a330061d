package io.safetyhub.devstack;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.Optional;

/**
 * The SafetyHub services and the simulator as components of the laptop stack: the one place that
 * says which jar each runs, on which port, and how it reaches the infrastructure.
 */
public final class Platform {
    /**
     * Every service's JVM, sized by what Native Memory Tracking showed under bench/run step at 5,000 readings/s
     * (bench/results/footprint.md: class metadata, symbols and code are ~60 % of a busy service's RSS, the heap a
     * third, threads and direct buffers a few MiB). The serial collector has none of G1's remembered sets and region
     * tables, and no GC threads to feed (the services keep a live set of ~30 MiB; a young collection takes
     * milliseconds, ~11 a second in the adapter at 5,000/s, so eden is left as the collector sizes it); the heap,
     * metaspace and code cache are bounded so that a leak ends the process for the launcher to report instead of
     * swapping the laptop; thread stacks of 512 KiB are plenty for Quarkus, Vert.x and the Kafka clients.
     * MALLOC_ARENA_MAX (set in the environment below) stops glibc from giving each of a JVM's many threads an arena of
     * its own; {@link #TRIM_NATIVE_HEAP} makes it give back what the arenas keep.
     */
    static final List<String> JVM_OPTIONS = List.of("-XX:+UseSerialGC", "-Xms32m", "-Xmx160m", "-Xss512k",
            "-XX:MaxMetaspaceSize=160m", "-XX:ReservedCodeCacheSize=64m", "-XX:+ExitOnOutOfMemoryError");

    /**
     * glibc keeps what the JVM frees (the C2 compiler's arenas peak at ~30 MB while a service warms up, then free it)
     * and rarely gives it back: measured 40-70 MB of each busy service's RSS that Native Memory Tracking no longer
     * counted (bench/results/footprint.md). Trimming the C heap every 5 s returns it; one malloc_trim costs well under
     * a millisecond. The option exists from 17.0.9 and 21.0.1 on (experimental there, hence the unlock).
     */
    static final List<String> TRIM_NATIVE_HEAP = List.of("-XX:+UnlockExperimentalVMOptions",
            "-XX:TrimNativeHeapInterval=5000");

    /**
     * The apps off the readings' path (registry, training, enforcement, emergency and the demo devices) answer people
     * and read small topics; on the laptop's few cores the C2 compiler cost them more than its faster code saves:
     * emergency-service's C2 thread had used 16 s of CPU after 30 minutes, as much as its own work, and took a core
     * for seconds whenever a new path warmed up in the middle of a load test (bench/results/footprint.md). They run
     * the C1 compiler only. device-adapter, warning-service and the gateway, the alarm's path, keep both tiers.
     */
    static final Set<String> C1_ONLY_APPS = Set.of("enterprise-service", "training-service", "enforcement-service",
            "emergency-service", "simulator");
    static final String C1_ONLY = "-XX:TieredStopAtLevel=1";

    /** Extra JVM options for every app (e.g. Native Memory Tracking while measuring), after the defaults. */
    static final String EXTRA_JVM_OPTIONS_ENV = "SAFETYHUB_JVM_OPTIONS";

    /** Whether this Java knows {@code -XX:TrimNativeHeapInterval} (an unknown -XX option stops the JVM). */
    static boolean trimsNativeHeap(Runtime.Version runtime) {
        int feature = runtime.feature();
        return feature == 17 && runtime.update() >= 9 || feature >= 21 && (feature > 21 || runtime.update() >= 1);
    }

    /**
     * The JVM options of one app: {@link #JVM_OPTIONS}, {@link #TRIM_NATIVE_HEAP} where this Java has it and
     * {@link #C1_ONLY} for the {@link #C1_ONLY_APPS}, then those
     * of {@code SAFETYHUB_JVM_OPTIONS}, then those of {@code SAFETYHUB_JVM_OPTIONS_<APP>} (the app's name in capitals,
     * '-' as '_', e.g. {@code SAFETYHUB_JVM_OPTIONS_WARNING_SERVICE}); the JVM takes the last of two contradicting
     * options, so the environment can override a default for one measurement without a rebuild. Options are separated
     * by white space.
     */
    static List<String> jvmOptions(String appName, Map<String, String> environment, Runtime.Version runtime) {
        List<String> options = new ArrayList<>(JVM_OPTIONS);
        if (trimsNativeHeap(runtime)) {
            options.addAll(TRIM_NATIVE_HEAP);
        }
        if (C1_ONLY_APPS.contains(appName)) {
            options.add(C1_ONLY);
        }
        String perApp = EXTRA_JVM_OPTIONS_ENV + "_" + appName.toUpperCase(java.util.Locale.ROOT).replace('-', '_');
        for (String variable : List.of(EXTRA_JVM_OPTIONS_ENV, perApp)) {
            String value = environment.get(variable);
            if (value != null && !value.isBlank()) {
                options.addAll(List.of(value.trim().split("\\s+")));
            }
        }
        return options;
    }

    /** Where every app of the laptop stack listens, as the infrastructure does: nothing is reachable from the LAN. */
    static final String LOOPBACK = "127.0.0.1";

    /**
     * @param name   component name, also its module directory
     * @param port   HTTP port (or, for the simulator, its OPC UA port)
     * @param quarkus readiness via {@code /q/health/ready}; otherwise the process only has to stay up
     * @param jars   candidate jars relative to the root, first existing one wins
     */
    /**
     * @param managementPort Quarkus' management interface (health, metrics) where the app enables it, else 0
     */
    public record App(String name, int port, boolean quarkus, List<String> jars, int managementPort) {

        App(String name, int port, boolean quarkus, List<String> jars) {
            this(name, port, quarkus, jars, 0);
        }

        static App service(String name, int port) {
            return new App(name, port, true, List.of(name + "/target/quarkus-app/quarkus-run.jar"));
        }

        /** The gateway keeps health and metrics off its public port (quarkus.management.enabled). */
        static App serviceWithManagement(String name, int port, int managementPort) {
            return new App(name, port, true, List.of(name + "/target/quarkus-app/quarkus-run.jar"), managementPort);
        }

        App onPort(int newPort) {
            return new App(name, newPort, quarkus, jars, managementPort == 0 ? 0 : Infra.freePort());
        }

        /** Where readiness is asked: the management port where there is one. */
        int healthPort() {
            return managementPort == 0 ? port : managementPort;
        }
    }

    /**
     * The password every demo MQTT device (GA-0001..3, TC-0001) logs in with on a laptop or test stack
     * ({@code adapter.credentials.demo-password}); the simulator is given it too. Never a production secret: a
     * deployment seeds no demo devices and issues each device its own password through the API.
     */
    public static final String DEMO_DEVICE_PASSWORD = "safetyhub-demo-device";

    /** Started in this order; the gateway last among the services, the simulator after it. */
    public static final List<App> APPS = List.of(
            App.service("enterprise-service", 8081),
            App.service("device-adapter", 8082),
            App.service("warning-service", 8083),
            App.service("training-service", 8084),
            App.service("enforcement-service", 8085),
            App.service("emergency-service", 8086),
            App.serviceWithManagement("gateway", 8080, 9000),
            // Whatever the simulator ends up being: a Quarkus app or a plain runnable jar.
            new App("simulator", 4840, false,
                    List.of("simulator/target/quarkus-app/quarkus-run.jar", "simulator/target/simulator.jar")));

    private final Path root;
    private final StackHome home;
    private final Infra infra;
    private final List<App> apps;

    /** The laptop platform: every app on its documented port. */
    public Platform(Path root, StackHome home, Infra infra) {
        this(root, home, infra, APPS);
    }

    /** A platform of the given apps (a test stack picks its own subset and ports). */
    public Platform(Path root, StackHome home, Infra infra, List<App> apps) {
        this.root = root;
        this.home = home;
        this.infra = infra;
        this.apps = List.copyOf(apps);
    }

    /** The named apps, in start order, each on a port free right now. */
    public static List<App> onFreePorts(List<String> names) {
        List<App> chosen = new ArrayList<>();
        for (App app : APPS) {
            if (names.contains(app.name())) {
                chosen.add(app.onPort(Infra.freePort()));
            }
        }
        return chosen;
    }

    public List<App> apps() {
        return apps;
    }

    public Optional<Path> jar(App app) {
        return app.jars().stream().map(root::resolve).filter(Files::isRegularFile).findFirst();
    }

    public List<App> notBuilt() {
        return apps.stream().filter(app -> jar(app).isEmpty()).toList();
    }

    public List<Component> components() {
        return apps.stream().map(this::component).toList();
    }

    /**
     * The links every app gets as system properties, overriding its application.properties: the
     * same values the services default to, stated here so a stack on other ports stays coherent.
     */
    public Map<String, String> links(App app) {
        Map<String, String> links = new LinkedHashMap<>();
        links.put("quarkus.mongodb.connection-string", infra.mongoConnectionString());
        links.put("kafka.bootstrap.servers", infra.kafkaBootstrapServers());
        links.put("quarkus.oidc.auth-server-url", infra.issuer());
        if (app.quarkus()) {
            links.put("quarkus.http.port", Integer.toString(app.port()));
            // Quarkus listens on every interface in prod mode; a laptop stack with demo passwords must not.
            links.put("quarkus.http.host", LOOPBACK);
        }
        if (app.managementPort() != 0) {
            links.put("quarkus.management.port", Integer.toString(app.managementPort()));
            links.put("quarkus.management.host", LOOPBACK);
        }
        if (app.name().equals("gateway")) {
            List<String> upstreams = new ArrayList<>();
            for (App upstream : APPS) {
                if (upstream.quarkus() && !upstream.name().equals("gateway")) {
                    int port = apps.stream().filter(a -> a.name().equals(upstream.name())).findFirst()
                            .orElse(upstream).port();
                    upstreams.add(upstream.name() + "=http://127.0.0.1:" + port);
                }
            }
            links.put("gateway.upstreams", String.join(",", upstreams));
        }
        if (app.name().equals("enterprise-service")) {
            links.put("enterprise.seed-demo", "true"); // the console has something to show
        }
        if (app.name().equals("enforcement-service")) {
            links.put("enforcement.seed-demo", "true"); // the demo inspectors, so a draw works on a fresh stack
        }
        if (app.name().equals("emergency-service")) {
            links.put("emergency.seed-demo", "true"); // demo accidents, today's duty and the district reserves
        }
        if (app.name().equals("training-service")) {
            links.put("training.seed-demo", "true"); // personnel, certificates and activities of the demo enterprises
        }
        if (app.name().equals("device-adapter")) {
            links.put("adapter.seed-demo", "true"); // the devices the simulator plays are registered
            // The adapter is the MQTT endpoint (no broker): its plain listener on the stack's MQTT port, and the demo
            // devices' password so that the simulator can log in as them.
            links.put("adapter.mqtt.plain.port", Integer.toString(infra.ports().mqtt()));
            links.put("adapter.credentials.demo-password", DEMO_DEVICE_PASSWORD);
        }
        if (app.name().equals("simulator")) {
            links.put("safetyhub.mqtt.url", infra.mqttUrl());
            links.put("safetyhub.mqtt.password", DEMO_DEVICE_PASSWORD);
        }
        return links;
    }

    private Component component(App app) {
        int mqttPort = app.name().equals("device-adapter") ? infra.ports().mqtt() : 0;
        return component(app, app.name(), links(app), mqttPort);
    }

    /**
     * A second process of a device-adapter on other ports, sharing the stack's MongoDB and Kafka, as another replica
     * behind a load balancer is (scale-out and failover tests); it is a component of its own named
     * {@code device-adapter-<replica>}.
     *
     * @param mqttPort its plain MQTT listener
     */
    public Component adapterReplica(String replica, int httpPort, int mqttPort) {
        App adapter = apps.stream().filter(a -> a.name().equals("device-adapter")).findFirst()
                .orElseThrow(() -> new IllegalStateException("this platform has no device-adapter"));
        Map<String, String> links = links(adapter);
        links.put("quarkus.http.port", Integer.toString(httpPort));
        links.put("adapter.mqtt.plain.port", Integer.toString(mqttPort));
        return component(new App(adapter.name(), httpPort, true, adapter.jars()), "device-adapter-" + replica, links,
                mqttPort);
    }

    private Component component(App app, String name, Map<String, String> links, int mqttPort) {
        Path pidFile = home.pidFile(name);
        List<String> command = new ArrayList<>();
        command.add(ModuleJars.javaExecutable());
        command.addAll(jvmOptions(app.name(), System.getenv(), Runtime.version()));
        command.add("-Dsafetyhub.pidfile=" + pidFile);
        links.forEach((key, value) -> command.add("-D" + key + "=" + value));
        command.add("-jar");
        command.add(jar(app).map(Path::toString).orElse(app.jars().get(0)));
        Probe probe = app.quarkus()
                ? new Probe.Http("http://127.0.0.1:" + app.healthPort() + "/q/health/ready")
                : new Probe.Alive(Duration.ofSeconds(3));
        Component.Preparation prepare = () -> {
            if (jar(app).isEmpty()) {
                throw new StackException(app.name() + " is not built (" + app.jars().get(0)
                        + " missing): run ./mvnw package -DskipTests");
            }
        };
        Path workDir = root.resolve(app.name());
        List<Integer> ports = new ArrayList<>(List.of(app.port()));
        if (app.managementPort() != 0) {
            ports.add(app.managementPort());
        }
        if (mqttPort != 0) {
            ports.add(mqttPort); // checked before `up` like the others: the adapter's MQTT listener
        }
        Map<String, String> environment = new LinkedHashMap<>(Map.of("MALLOC_ARENA_MAX", "2"));
        if (app.name().equals("enforcement-service")) {
            environment.put(StackSecrets.REPORTS_KEY_VARIABLE, StackSecrets.reportsKey(home));
        }
        return new Component(name, command, environment, workDir, ports, probe,
                home.logFile(name), pidFile, "-Dsafetyhub.pidfile=" + pidFile, Duration.ofSeconds(180), prepare);
    }
}
