package io.safetyhub.adapter.device;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The registry as the hot path sees it: an in-memory copy of the {@code devices} collection, so that a telemetry
 * message costs a map lookup and no database round trip. Changed by this replica's writes at once, and re-read
 * every {@code refresh} so that writes made through another replica arrive too.
 */
@ApplicationScoped
public class DeviceRegistry {
    private static final Logger LOG = Logger.getLogger(DeviceRegistry.class);

    private final Supplier<List<Device>> storedDevices;
    private final Function<String, Optional<Device>> storedByMqttId;
    private final Event<RegistryChange> changes;
    private final Map<String, Device> byId = new ConcurrentHashMap<>();
    private final Map<String, Device> byMqttId = new ConcurrentHashMap<>();
    /** Numbers this replica's writes, so a re-read that started before a write does not undo it. */
    private final AtomicLong writes = new AtomicLong();
    private final Map<String, Long> lastWrite = new ConcurrentHashMap<>();

    @Inject
    public DeviceRegistry(DeviceRepository repository, Event<RegistryChange> changes) {
        this(repository::findAll, repository::findByMqttId, changes);
    }

    DeviceRegistry(Supplier<List<Device>> storedDevices, Function<String, Optional<Device>> storedByMqttId,
                   Event<RegistryChange> changes) {
        this.storedDevices = storedDevices;
        this.storedByMqttId = storedByMqttId;
        this.changes = changes;
    }

    public Optional<Device> byId(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    /** The MQTT device registered under the id its topics carry. */
    public Optional<Device> byMqttId(String mqttDeviceId) {
        return Optional.ofNullable(byMqttId.get(mqttDeviceId));
    }

    /**
     * For a login: the copy in memory, else MongoDB. A device registered through another replica is in this copy only
     * after the next re-read (up to {@code adapter.registry-refresh}); until then it could not log in here, and after
     * a replica dies its devices reconnect to the others at once. Found in MongoDB, it joins the copy, so its
     * telemetry is recognised too. Blocking: call it off the event loops (logins run on the auth workers).
     */
    public Optional<Device> byMqttIdForLogin(String mqttDeviceId) {
        Device known = byMqttId.get(mqttDeviceId);
        if (known != null) {
            return Optional.of(known);
        }
        Optional<Device> stored = storedByMqttId.apply(mqttDeviceId);
        stored.ifPresent(device -> {
            Device before = byId.get(device.id());
            if (!device.equals(before)) {
                applied(before, device);
            }
        });
        return stored;
    }

    public Collection<Device> all() {
        return List.copyOf(byId.values());
    }

    /** Applies a change this replica made and tells the listeners. */
    public void applied(Device before, Device after) {
        long write = writes.incrementAndGet();
        if (before != null) {
            lastWrite.put(before.id(), write);
        }
        if (after != null) {
            lastWrite.put(after.id(), write);
        }
        apply(before, after);
    }

    private void apply(Device before, Device after) {
        if (before != null) {
            byId.remove(before.id());
            if (before.mqttDeviceId() != null) {
                byMqttId.remove(before.mqttDeviceId(), before);
            }
        }
        if (after != null) {
            byId.put(after.id(), after);
            if (after.mqttDeviceId() != null) {
                byMqttId.put(after.mqttDeviceId(), after);
            }
        }
        if (!Objects.equals(before, after)) {
            changes.fire(new RegistryChange(before, after));
        }
    }

    /** Re-reads the collection; devices written or removed elsewhere become changes here. */
    @Scheduled(every = "${adapter.registry-refresh:30s}", delayed = "${adapter.registry-refresh:30s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    public void reload() {
        // A write made here while the collection is being read is newer than what the read returns: keep it.
        long readFrom = writes.get();
        List<Device> stored;
        try {
            stored = storedDevices.get();
        } catch (RuntimeException e) {
            LOG.warnf("device registry not re-read (%s); keeping the copy in memory", e.getMessage());
            return;
        }
        Map<String, Device> fresh = new HashMap<>();
        stored.forEach(d -> fresh.put(d.id(), d));
        for (Device old : List.copyOf(byId.values())) {
            if (!fresh.containsKey(old.id()) && !writtenSince(old.id(), readFrom)) {
                apply(old, null);
            }
        }
        for (Device device : stored) {
            Device old = byId.get(device.id());
            if (!device.equals(old) && !writtenSince(device.id(), readFrom)) {
                apply(old, device);
            }
        }
    }

    private boolean writtenSince(String deviceId, long readFrom) {
        return lastWrite.getOrDefault(deviceId, 0L) > readFrom;
    }
}
