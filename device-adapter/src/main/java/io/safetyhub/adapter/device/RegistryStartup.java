package io.safetyhub.adapter.device;

import io.quarkus.runtime.StartupEvent;
import io.safetyhub.adapter.config.AdapterConfig;
import io.safetyhub.events.DeviceChanged;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.interceptor.Interceptor;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * At start, before MQTT and OPC UA begin (their observers have the default, later priority): seeds the demo devices when {@code adapter.seed-demo} is on, loads the
 * registry into memory, and re-publishes every entry to the compacted topic (idempotent for its consumers), which
 * also repairs a change whose publication was lost.
 */
@ApplicationScoped
public class RegistryStartup {
    private static final Logger LOG = Logger.getLogger(RegistryStartup.class);

    private final DeviceService service;
    private final DeviceRegistry registry;
    private final RegistryPublisher publisher;
    private final RegistryTopic topic;
    private final AdapterConfig config;
    private final Clock clock;

    public RegistryStartup(DeviceService service, DeviceRegistry registry, RegistryPublisher publisher,
                           RegistryTopic topic, AdapterConfig config, Clock clock) {
        this.topic = topic;
        this.service = service;
        this.registry = registry;
        this.publisher = publisher;
        this.config = config;
        this.clock = clock;
    }

    void start(@Observes @Priority(Interceptor.Priority.APPLICATION) StartupEvent ignored) {
        topic.ensureCompacted();
        registry.reload();
        if (config.seedDemo()) {
            int added = 0;
            for (Device device : demoDevices(clock.instant(), config.opcUa().demoEndpoint())) {
                added += service.registerIfAbsent(device) ? 1 : 0;
            }
            LOG.infof("demo devices seeded: %d added", added);
        }
        registry.all().forEach(d -> publisher.changed(d, DeviceChanged.Change.UPDATED));
        LOG.infof("device registry loaded: %d devices", registry.all().size());
    }

    /** The devices the simulator plays: gas alarms and a crane over MQTT, the tank farm over OPC UA. */
    public static List<Device> demoDevices(Instant now, String tankFarm) {
        Map<String, String> alarm = Map.of("gas_lel", "%LEL", "battery", "%");
        Map<String, String> crane = Map.of("load", "t", "load_ratio", "%", "moment_ratio", "%", "radius", "m",
                "height", "m", "slew", "°", "wind_speed", "m/s", "tilt", "°");
        return List.of(
                mqtt("GA-0001", "chem-banan-01", DeviceKind.GAS_ALARM, alarm, now),
                mqtt("GA-0002", "chem-banan-01", DeviceKind.GAS_ALARM, alarm, now),
                mqtt("GA-0003", "chem-banan-01", DeviceKind.GAS_ALARM, alarm, now),
                mqtt("TC-0001", "build-yubei-01", DeviceKind.TOWER_CRANE, crane, now),
                opcUa("TK-T101", DeviceKind.TANK, tankFarm, "T101", Map.of("level", "m", "temperature", "°C",
                        "pressure", "kPa"), now),
                opcUa("TK-T102", DeviceKind.TANK, tankFarm, "T102", Map.of("level", "m", "temperature", "°C",
                        "pressure", "kPa"), now),
                opcUa("GD-T101", DeviceKind.GAS_DETECTOR, tankFarm, "GD101", Map.of("gas_lel", "%LEL"), now),
                opcUa("GD-T102", DeviceKind.GAS_DETECTOR, tankFarm, "GD102", Map.of("gas_lel", "%LEL"), now));
    }

    private static Device mqtt(String id, String enterprise, DeviceKind kind, Map<String, String> units, Instant now) {
        return new Device(id, enterprise, null, null, kind, Protocol.MQTT, id, null, Map.of(), units,
                DeviceMapper.DEFAULT_INTERVAL_SECONDS, false, now, now);
    }

    /** Node ids {@code ns=2;s=TankFarm/<object>/<metric>}: the layout of the simulator's tank-farm server. */
    private static Device opcUa(String id, DeviceKind kind, String endpoint, String object, Map<String, String> units,
                                Instant now) {
        Map<String, String> nodes = new java.util.TreeMap<>();
        units.keySet().forEach(metric -> nodes.put(metric, "ns=2;s=TankFarm/" + object + "/" + metric));
        return new Device(id, "chem-banan-01", "MHS-chem-banan-01-01", 2, kind, Protocol.OPC_UA, null, endpoint, nodes,
                units, DeviceMapper.DEFAULT_INTERVAL_SECONDS, false, now, now);
    }
}
