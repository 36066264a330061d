package io.safetyhub.warning.alarm;

import io.safetyhub.events.AlarmEvent;
import io.safetyhub.events.AlarmLevel;
import io.safetyhub.platform.rest.PageRequest;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The alarm repository in memory, for the engine's plain JUnit tests: what MongoAlarmRepository does, kept honest by
 * {@link AlarmRepositoryContract}, which both pass. A new {@link AlarmStore} on the same instance is a restart.
 */
public class InMemoryAlarmRepository implements AlarmRepository {
    private final Map<String, Alarm> alarms = new LinkedHashMap<>();
    private final Map<String, List<String>> unpublished = new HashMap<>();
    /** While set, every write fails as if MongoDB were away (reads still answer). */
    public volatile boolean refuseWrites;

    private void writable() {
        if (refuseWrites) {
            throw new IllegalStateException("MongoDB away (test)");
        }
    }

    @Override
    public synchronized List<Alarm> findAll() {
        return new ArrayList<>(alarms.values());
    }

    /** Of every partition: this repository does not store partitions, the caller filters (as the interface allows). */
    @Override
    public synchronized List<Alarm> findHeld(Set<Integer> partitions, int count, Set<AlarmLevel> stillEscalating) {
        return alarms.values().stream().filter(a -> a.conditionPresent()
                || (a.status() == AlarmEvent.Status.CLEARED_UNACKNOWLEDGED
                && a.escalationStage() < Escalation.LAST_STAGE && stillEscalating.contains(a.level())
                && !a.suppressed())).toList();
    }

    /** Every slot, newest times first found by a scan (the caller filters by ownership key). */
    @Override
    public synchronized List<SlotMark> slotMarks(Set<Integer> partitions, int count) {
        Map<String, SlotMark> bySlot = new LinkedHashMap<>();
        for (Alarm a : alarms.values()) {
            SlotMark m = new SlotMark(a.slot(), Ownership.keyOf(a), a.raisedAt(), a.lastReadingAt());
            bySlot.merge(a.slot(), m, (x, y) -> new SlotMark(x.slot(), x.ownershipKey(),
                    later(x.newestRaisedAt(), y.newestRaisedAt()), later(x.newestReadingAt(), y.newestReadingAt())));
        }
        return new ArrayList<>(bySlot.values());
    }

    private static Instant later(Instant x, Instant y) {
        return x.isAfter(y) ? x : y;
    }

    @Override
    public synchronized List<Alarm> findByIds(Collection<String> ids) {
        return ids.stream().map(alarms::get).filter(a -> a != null).toList();
    }

    @Override
    public synchronized Optional<Alarm> findById(String id) {
        return Optional.ofNullable(alarms.get(id));
    }

    @Override
    public synchronized boolean insert(Alarm alarm, List<String> changes) {
        writable();
        if (alarms.containsKey(alarm.id())) {
            return false;
        }
        alarms.put(alarm.id(), alarm);
        unpublished.put(alarm.id(), List.copyOf(changes));
        return true;
    }

    @Override
    public synchronized void replace(Alarm alarm, List<String> changes) {
        writable();
        alarms.put(alarm.id(), alarm);
        unpublished.put(alarm.id(), List.copyOf(changes));
    }

    @Override
    public synchronized void setUnpublished(Map<String, List<String>> byAlarm) {
        writable();
        byAlarm.forEach((id, left) -> {
            if (alarms.containsKey(id)) {
                unpublished.put(id, List.copyOf(left));
            }
        });
    }

    @Override
    public synchronized Map<String, List<String>> findUnpublished() {
        Map<String, List<String>> out = new HashMap<>();
        unpublished.forEach((id, left) -> {
            if (!left.isEmpty()) {
                out.put(id, left);
            }
        });
        return out;
    }

    @Override
    public void forEach(AlarmFilter filter, Consumer<Alarm> action) {
        List<Alarm> matching;
        synchronized (this) {
            matching = alarms.values().stream().filter(filter::test).toList();
        }
        matching.forEach(action);
    }

    @Override
    public synchronized List<Alarm> page(AlarmFilter filter, PageRequest page) {
        return alarms.values().stream().filter(filter::test)
                .sorted(Comparator.comparing(Alarm::raisedAt).reversed())
                .skip(page.offset()).limit(page.size()).toList();
    }

    @Override
    public synchronized long count(AlarmFilter filter) {
        return alarms.values().stream().filter(filter::test).count();
    }

    @Override
    public synchronized void deleteAll() {
        alarms.clear();
        unpublished.clear();
    }
}
