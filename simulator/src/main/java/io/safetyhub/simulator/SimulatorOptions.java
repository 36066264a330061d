package io.safetyhub.simulator;

import io.safetyhub.simulator.load.LoadGenerator;
import io.safetyhub.simulator.mqtt.DeviceAddress;
import io.safetyhub.simulator.mqtt.DeviceCredentials;
import io.safetyhub.simulator.mqtt.Measurement;
import io.safetyhub.simulator.mqtt.MqttEndpoint;
import io.safetyhub.simulator.opcua.ServerSecurity;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The command line, parsed; {@link #USAGE} is what {@code --help} prints. */
record SimulatorOptions(String mqttUrl, String scenario, Optional<Duration> interval, Optional<Duration> duration,
                        Duration timeout, Optional<OnceMessage> once, Duration offlineAfter, String offlineMode, int opcUaPort,
                        int loadDevices, double loadRate, int loadConnections, ServerSecurity opcUaSecurity,
                        MqttEndpoint endpoint, String instance, int loadInFlight, String loadClient,
                        boolean loadWindowsFromInput) {

    /** The one message of scenario {@code once}. */
    record OnceMessage(DeviceAddress address, Measurement measurement) {
    }

    static final String DEFAULT_MQTT = "tcp://127.0.0.1:1883";
    static final List<String> SCENARIOS = List.of("normal", "gas-leak", "crane-overload", "gale",
            "device-offline", "tank-farm", "load", "once");
    static final List<String> OFFLINE_MODES = List.of("will", "silent");
    static final List<String> LOAD_CLIENTS = List.of("paho", "vertx");
    private static final List<String> DEVICE_FLAGS = List.of("device", "enterprise", "kind", "metric", "value", "unit");

    static final String USAGE = """
            usage: java -jar simulator/target/simulator.jar [options]

              --mqtt URL          the MQTT endpoint, device-adapter (default: system property safetyhub.mqtt.url,
                                  then env SAFETYHUB_MQTT_URL, then tcp://127.0.0.1:1883)
              --scenario NAME     normal (default) | gas-leak | crane-overload | gale | device-offline | tank-farm | load | once
              --devices N         load: simulated devices (default 100)
              --rate R            load: messages per second per device (default 1)
              --connections C     load: MQTT connections shared by the devices (default 8; one per device with
                                  per-device credentials)
              --in-flight N       load: QoS 1 messages awaiting a PUBACK over all connections (default 2000)
              --load-client C     load: paho (default; MQTT 5, a thread set per connection, resends after a reconnect:
                                  for the fault drills) | vertx (MQTT 3.1.1 on one event loop, a few us a message:
                                  for throughput, where Paho's ~4 threads per device would be the limit; no resend)
              --windows W         load: once (default: --rate for --duration) | stdin (log in once, stay connected,
                                  one window per input line "<messages/s per device> <seconds>" until the input ends)
              --credentials FILE  log each device in as user = its id, password = its secret from FILE
                                  (deviceId=secret lines), as device-adapter's MQTT endpoint expects
              --password SECRET   user = the device id, this password (one device, or a test registry; default:
                                  system property safetyhub.mqtt.password, then env SAFETYHUB_MQTT_PASSWORD)
              --username NAME     with --password: one shared account for every connection (a broker's user)
              --tls-ca FILE       CA certificate(s) (PEM) a ssl://host:8883 endpoint is trusted by
              --state-dir DIR     where devices keep unacknowledged and offline-buffered messages (Paho file
                                  persistence; default ~/.safetyhub-simulator/mqtt; "none" = in memory)
              --instance NAME     client ids are sim-<deviceId>-<NAME> (default: the process id); a fixed name keeps
                                  unacknowledged messages across a restart of the simulator
              --session-expiry SECONDS  how long the endpoint may keep a dropped device's session (default 3600)
              --offline-buffer N  messages a device buffers while disconnected (default 10000)
              --opcua-port PORT   port of the tank farm's OPC UA server (normal, tank-farm; default 4840, 0 = none)
              --opcua-users LIST  users of its Basic256Sha256 endpoint, user:password[,user:password] (default plant:safetyhub)
              --opcua-pki DIR     where its certificate is kept (default ~/.safetyhub-simulator/pki)
              --interval SECONDS  time between two messages of one device (normal 5, the others 1)
              --offline-after SECONDS  device-offline: when GA-0002 stops (default 10)
              --offline-mode MODE will (default: drop the connection, the endpoint sends the last will)
                                  | silent (keep the connection, publish nothing)
              --duration SECONDS  stop after this long (default: run until Ctrl-C / SIGTERM)
              --timeout SECONDS   longest wait for a connection or a PUBACK (default 10)
              --help              this text

            once: publish exactly one telemetry message at QoS 1, exit 0 after the PUBACK, 1 without it
              --device ID --enterprise ID --kind KIND --metric NAME --value NUMBER --unit UNIT
              e.g. --scenario once --device GA-0001 --enterprise chem-banan-01 --kind gas-alarm \\
                   --metric gas_lel --value 60 --unit %LEL
            """;

    /** Thrown for a command line that cannot be run; the message says why. */
    static final class UsageException extends Exception {
        private static final long serialVersionUID = 1L;

        UsageException(String message) {
            super(message);
        }
    }

    static SimulatorOptions parse(String[] args) throws UsageException {
        Map<String, String> flags = new HashMap<>();
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (!arg.startsWith("--")) {
                throw new UsageException("unexpected argument '" + arg + "'");
            }
            String name = arg.substring(2);
            String value;
            int equals = name.indexOf('=');
            if (equals >= 0) {
                value = name.substring(equals + 1);
                name = name.substring(0, equals);
            } else if (name.equals("help")) {
                value = "true";
            } else if (i + 1 < args.length) {
                value = args[++i];
            } else {
                throw new UsageException("--" + name + " needs a value");
            }
            flags.put(name, value);
        }
        String scenario = flags.getOrDefault("scenario", "normal");
        if (!SCENARIOS.contains(scenario)) {
            throw new UsageException("unknown scenario '" + scenario + "'; one of " + SCENARIOS);
        }
        Map<String, String> device = new HashMap<>();
        for (String flag : DEVICE_FLAGS) {
            if (flags.containsKey(flag)) {
                device.put(flag, flags.get(flag));
            }
        }
        for (String flag : flags.keySet()) {
            if (!DEVICE_FLAGS.contains(flag) && !List.of("mqtt", "scenario", "interval", "duration", "timeout", "help",
                    "offline-after", "offline-mode", "opcua-port", "opcua-users", "opcua-pki", "devices", "rate",
                    "connections", "in-flight", "credentials", "password", "username", "tls-ca", "state-dir",
                    "instance", "session-expiry", "offline-buffer", "load-client", "windows")
                    .contains(flag)) {
                throw new UsageException("unknown option --" + flag);
            }
        }
        Optional<OnceMessage> once = Optional.empty();
        if (scenario.equals("once")) {
            once = Optional.of(onceMessage(device));
        } else if (!device.isEmpty()) {
            throw new UsageException("--" + device.keySet().iterator().next() + " is only for scenario once");
        }
        String offlineMode = flags.getOrDefault("offline-mode", "will");
        if (!OFFLINE_MODES.contains(offlineMode)) {
            throw new UsageException("unknown --offline-mode '" + offlineMode + "'; one of " + OFFLINE_MODES);
        }
        String loadClient = flags.getOrDefault("load-client", "paho");
        if (!LOAD_CLIENTS.contains(loadClient)) {
            throw new UsageException("unknown --load-client '" + loadClient + "'; one of " + LOAD_CLIENTS);
        }
        String windows = flags.getOrDefault("windows", "once");
        if (!List.of("once", "stdin").contains(windows)) {
            throw new UsageException("unknown --windows '" + windows + "'; once or stdin");
        }
        String url = flags.getOrDefault("mqtt", defaultMqtt());
        return new SimulatorOptions(url, scenario,
                seconds(flags, "interval"), seconds(flags, "duration"),
                seconds(flags, "timeout").orElse(Duration.ofSeconds(10)), once,
                seconds(flags, "offline-after").orElse(Duration.ofSeconds(10)), offlineMode, port(flags),
                (int) positive(flags, "devices", 100), positive(flags, "rate", 1), (int) positive(flags, "connections", 8),
                opcUaSecurity(flags), endpoint(url, flags), flags.getOrDefault("instance",
                        Long.toString(ProcessHandle.current().pid())),
                (int) positive(flags, "in-flight", LoadGenerator.DEFAULT_IN_FLIGHT), loadClient, windows.equals("stdin"));
    }

    private static MqttEndpoint endpoint(String url, Map<String, String> flags) throws UsageException {
        if (!url.startsWith("tcp://") && !url.startsWith("ssl://")) {
            throw new UsageException("--mqtt must be tcp://host:port or ssl://host:port, got '" + url + "'");
        }
        Optional<Path> ca = Optional.ofNullable(flags.get("tls-ca")).map(Path::of);
        if (ca.isPresent() && !url.startsWith("ssl://")) {
            throw new UsageException("--tls-ca needs an ssl:// endpoint (e.g. ssl://127.0.0.1:8883), got " + url);
        }
        if (ca.isPresent() && !java.nio.file.Files.isReadable(ca.get())) {
            throw new UsageException("--tls-ca: cannot read " + ca.get());
        }
        String state = flags.getOrDefault("state-dir",
                Path.of(System.getProperty("user.home"), ".safetyhub-simulator", "mqtt").toString());
        Optional<Path> stateDir = state.equals("none") ? Optional.empty() : Optional.of(Path.of(state));
        Duration expiry = seconds(flags, "session-expiry").orElse(MqttEndpoint.DEFAULT_SESSION_EXPIRY);
        int buffer = (int) positive(flags, "offline-buffer", MqttEndpoint.DEFAULT_OFFLINE_BUFFER);
        return new MqttEndpoint(url, credentials(flags), ca, stateDir, expiry, buffer);
    }

    private static DeviceCredentials credentials(Map<String, String> flags) throws UsageException {
        String file = flags.get("credentials");
        String user = flags.get("username");
        String password = flags.get("password");
        if (file != null && (user != null || password != null)) {
            throw new UsageException("--credentials and --username/--password exclude each other");
        }
        if (user != null && password == null) {
            throw new UsageException("--username needs --password");
        }
        if (file != null) {
            try {
                return DeviceCredentials.file(Path.of(file));
            } catch (java.io.IOException e) {
                throw new UsageException("--credentials: cannot read " + file + ": " + e.getMessage());
            } catch (IllegalArgumentException e) {
                throw new UsageException("--credentials: " + e.getMessage());
            }
        }
        if (password != null) {
            return user != null ? DeviceCredentials.shared(user, password) : DeviceCredentials.ownId(password);
        }
        // The laptop stack passes the demo devices' password this way (bin/safetyhub up, Platform.links).
        return fromEnvironment("safetyhub.mqtt.password", "SAFETYHUB_MQTT_PASSWORD")
                .map(DeviceCredentials::ownId).orElse(DeviceCredentials.none());
    }

    private static Optional<String> fromEnvironment(String property, String variable) {
        String value = System.getProperty(property);
        if (value == null || value.isBlank()) {
            value = System.getenv(variable);
        }
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value);
    }

    static boolean wantsHelp(String[] args) {
        return List.of(args).contains("--help");
    }

    private static OnceMessage onceMessage(Map<String, String> device) throws UsageException {
        for (String flag : DEVICE_FLAGS) {
            if (!device.containsKey(flag) || device.get(flag).isBlank()) {
                throw new UsageException("scenario once needs --" + flag);
            }
        }
        double value;
        try {
            value = Double.parseDouble(device.get("value"));
        } catch (NumberFormatException e) {
            throw new UsageException("--value must be a number, got '" + device.get("value") + "'");
        }
        return new OnceMessage(new DeviceAddress(device.get("enterprise"), device.get("kind"), device.get("device")),
                new Measurement(device.get("metric"), value, device.get("unit")));
    }

    private static double positive(Map<String, String> flags, String name, double fallback) throws UsageException {
        String value = flags.get(name);
        if (value == null) {
            return fallback;
        }
        try {
            double number = Double.parseDouble(value);
            if (!(number > 0) || Double.isInfinite(number)) {
                throw new NumberFormatException();
            }
            return number;
        } catch (NumberFormatException e) {
            throw new UsageException("--" + name + " must be a positive number, got '" + value + "'");
        }
    }

    private static int port(Map<String, String> flags) throws UsageException {
        String value = flags.getOrDefault("opcua-port", "4840");
        try {
            int port = Integer.parseInt(value);
            if (port < 0 || port > 65535) {
                throw new NumberFormatException();
            }
            return port;
        } catch (NumberFormatException e) {
            throw new UsageException("--opcua-port must be 0-65535, got '" + value + "'");
        }
    }

    private static ServerSecurity opcUaSecurity(Map<String, String> flags) throws UsageException {
        ServerSecurity defaults = ServerSecurity.defaults();
        try {
            return new ServerSecurity(flags.containsKey("opcua-pki") ? Path.of(flags.get("opcua-pki")) : defaults.pkiDir(),
                    flags.containsKey("opcua-users") ? ServerSecurity.parseUsers(flags.get("opcua-users")) : defaults.users());
        } catch (IllegalArgumentException e) {
            throw new UsageException("--opcua-users: " + e.getMessage());
        }
    }

    private static String defaultMqtt() {
        return fromEnvironment("safetyhub.mqtt.url", "SAFETYHUB_MQTT_URL").orElse(DEFAULT_MQTT);
    }

    private static Optional<Duration> seconds(Map<String, String> flags, String name) throws UsageException {
        String value = flags.get(name);
        if (value == null) {
            return Optional.empty();
        }
        try {
            double seconds = Double.parseDouble(value);
            if (!(seconds > 0) || Double.isInfinite(seconds)) {
                throw new NumberFormatException();
            }
            return Optional.of(Duration.ofMillis(Math.round(seconds * 1000)));
        } catch (NumberFormatException e) {
            throw new UsageException("--" + name + " must be a positive number of seconds, got '" + value + "'");
        }
    }
}
