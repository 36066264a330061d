package io.safetyhub.warning.alarm;

import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Devices shelved for maintenance until a time: their alarms are recorded but suppressed (not notified). A shelving
 * belongs to the enterprise that owns the device and is keyed by both ids, so one tenant's shelving can neither
 * replace nor suppress another tenant's (device ids are chosen by enterprises and may collide).
 */
@ApplicationScoped
public class Shelves {
    /** One shelving of one device. */
    public record Shelf(String deviceId, String enterpriseId, Instant until, String reason, String by, Instant at) {
    }

    private final ShelfRepository repository;
    private final Map<String, Shelf> byKey = new ConcurrentHashMap<>();

    public Shelves(ShelfRepository repository) {
        this.repository = repository;
        repository.findAll().forEach(s -> byKey.put(key(s.enterpriseId(), s.deviceId()), s));
    }

    /** The key of a shelving: the owning enterprise and the device. */
    public static String key(String enterpriseId, String deviceId) {
        return enterpriseId + "|" + deviceId;
    }

    /** Stores the shelving, replacing only this enterprise's previous one of the device. */
    public void put(Shelf s) {
        repository.save(s);
        byKey.put(key(s.enterpriseId(), s.deviceId()), s);
    }

    /** True while the device of this enterprise is within its maintenance window. */
    public boolean isShelved(String deviceId, String enterpriseId, Instant now) {
        Shelf s = byKey.get(key(enterpriseId, deviceId));
        return s != null && now.isBefore(s.until());
    }

    public void deleteAll() {
        repository.deleteAll();
        byKey.clear();
    }
}
