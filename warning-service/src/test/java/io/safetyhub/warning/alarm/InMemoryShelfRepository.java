package io.safetyhub.warning.alarm;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Shelvings in memory, for the engine's plain JUnit tests. */
public class InMemoryShelfRepository implements ShelfRepository {
    private final Map<String, Shelves.Shelf> byDevice = new LinkedHashMap<>();

    @Override
    public synchronized List<Shelves.Shelf> findAll() {
        return new ArrayList<>(byDevice.values());
    }

    @Override
    public synchronized void save(Shelves.Shelf shelf) {
        byDevice.put(Shelves.key(shelf.enterpriseId(), shelf.deviceId()), shelf);
    }

    @Override
    public synchronized void deleteAll() {
        byDevice.clear();
    }
}
