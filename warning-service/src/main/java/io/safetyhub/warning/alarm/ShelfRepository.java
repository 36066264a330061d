package io.safetyhub.warning.alarm;

import java.util.List;

/** Where {@link Shelves} keeps its shelvings: MongoDB in the service, memory in the engine's tests. */
public interface ShelfRepository {

    List<Shelves.Shelf> findAll();

    /** Replaces this enterprise's shelving of the device, if any (never another enterprise's). */
    void save(Shelves.Shelf shelf);

    void deleteAll();
}
