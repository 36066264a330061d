package io.safetyhub.warning.alarm;

import jakarta.enterprise.context.ApplicationScoped;
import org.bson.Document;

import java.time.Instant;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The alarms whose condition is present, held in memory by device and rule (loaded from MongoDB at start),
 * so that a reading costs no database query; MongoDB is written when an alarm changes status or level, and
 * mere value updates are flushed in the background about once a second. Callers hold this object's monitor
 * ({@code synchronized (store)}) around read-modify-write sequences: the consumer, timers and REST share it.
 */
@ApplicationScoped
public class AlarmStore {
    private final AlarmRepository repository;
    private final Map<String, Alarm> bySlot = new HashMap<>();
    private final Set<String> dirty = new LinkedHashSet<>();
    private final Map<String, Instant> watermarks = new HashMap<>();

    public AlarmStore(AlarmRepository repository) {
        this.repository = repository;
        for (Alarm a : repository.find(new Document())) {
            if (a.conditionPresent()) {
                bySlot.put(a.slot(), a);
            }
            watermarks.merge(a.slot(), a.lastReadingAt(), (x, y) -> x.isAfter(y) ? x : y);
        }
    }

    /**
     * Source time of the newest reading applied to any alarm of this device and rule, kept across clearing
     * and restarts, so that a replay after a restart cannot raise a second alarm for a condition already seen.
     */
    public synchronized Instant watermark(String slot) {
        return watermarks.get(slot);
    }

    public synchronized Optional<Alarm> open(String slot) {
        return Optional.ofNullable(bySlot.get(slot));
    }

    public synchronized Collection<Alarm> openAlarms() {
        return new ArrayList<>(bySlot.values());
    }

    /** Stores a new alarm; false when it exists already (a replayed reading). */
    public synchronized boolean insert(Alarm alarm) {
        if (!repository.insert(alarm)) {
            return false;
        }
        index(alarm);
        return true;
    }

    /** Writes a change of status, level or escalation at once. */
    public synchronized void save(Alarm alarm) {
        repository.replace(alarm);
        dirty.remove(alarm.id());
        index(alarm);
    }

    /** Records a new value in memory; {@link #flush()} writes it. */
    public synchronized void touch(Alarm alarm) {
        index(alarm);
        dirty.add(alarm.slot());
    }

    /** Writes pending value updates (under the monitor, so a newer status is never overwritten); returns how many. */
    public synchronized int flush() {
        List<Alarm> pending = dirty.stream().map(bySlot::get).filter(a -> a != null).toList();
        dirty.clear();
        pending.forEach(repository::replace);
        return pending.size();
    }

    /** An alarm by id, from memory when its condition is present, else from MongoDB. */
    public synchronized Optional<Alarm> byId(String id) {
        return bySlot.values().stream().filter(a -> a.id().equals(id)).findFirst()
                .or(() -> repository.findById(id));
    }

    public synchronized void deleteAll() {
        repository.deleteAll();
        bySlot.clear();
        dirty.clear();
        watermarks.clear();
    }

    private void index(Alarm alarm) {
        watermarks.merge(alarm.slot(), alarm.lastReadingAt(), (x, y) -> x.isAfter(y) ? x : y);
        if (alarm.conditionPresent()) {
            bySlot.put(alarm.slot(), alarm);
        } else if (bySlot.containsKey(alarm.slot()) && bySlot.get(alarm.slot()).id().equals(alarm.id())) {
            bySlot.remove(alarm.slot());
        }
    }
}
