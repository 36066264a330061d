package io.safetyhub.warning.alarm;

import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Devices shelved for maintenance until a time: their alarms are recorded but suppressed (not notified). */
@ApplicationScoped
public class Shelves {
    /** One shelving of one device. */
    public record Shelf(String deviceId, String enterpriseId, Instant until, String reason, String by, Instant at) {
    }

    private final ShelfRepository repository;
    private final Map<String, Shelf> byDevice = new ConcurrentHashMap<>();

    public Shelves(ShelfRepository repository) {
        this.repository = repository;
        repository.findAll().forEach(s -> byDevice.put(s.deviceId(), s));
    }

    public void put(Shelf s) {
        repository.save(s);
        byDevice.put(s.deviceId(), s);
    }

    /** True while the device of this enterprise is within its maintenance window. */
    public boolean isShelved(String deviceId, String enterpriseId, Instant now) {
        Shelf s = byDevice.get(deviceId);
        return s != null && now.isBefore(s.until()) && s.enterpriseId().equals(enterpriseId);
    }

    public void deleteAll() {
        repository.deleteAll();
        byDevice.clear();
    }
}
