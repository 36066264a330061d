package io.safetyhub.warning.alarm;

import io.safetyhub.events.AlarmEvent;
import io.safetyhub.warning.config.WarningConfig;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Duration;
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
 * The alarms whose condition is present, held in memory by device and rule (loaded from the repository at start),
 * so that a reading costs no database query; the repository is written when an alarm changes status or level, and
 * mere value updates are flushed in the background about once a second ({@link AlarmTimers}). Callers hold this object's monitor
 * ({@code synchronized (store)}) around read-modify-write sequences: the consumer, timers and REST share it.
 */
@ApplicationScoped
public class AlarmStore {
    private static final Logger LOG = Logger.getLogger(AlarmStore.class);

    private final AlarmRepository repository;
    private final Clock clock;
    private final Duration maxSkew;
    private final Map<String, Alarm> bySlot = new HashMap<>();
    private final Set<String> dirty = new LinkedHashSet<>();
    private final Map<String, Instant> watermarks = new HashMap<>();
    /** Alarm id -> its changes stored but not yet acknowledged by Kafka (persisted with the alarm: an outbox). */
    private final Map<String, List<String>> unpublished = new HashMap<>();
    private final List<AlarmChange> recovered = new ArrayList<>();

    public AlarmStore(AlarmRepository repository, Clock clock, WarningConfig config) {
        this.repository = repository;
        this.clock = clock;
        this.maxSkew = config.engine().maxClockSkew();
        Map<String, Alarm> byId = new HashMap<>();
        Instant now = clock.instant();
        Instant limit = now.plus(maxSkew);
        int repaired = 0;
        for (Alarm a : repository.findAll()) {
            if (a.conditionPresent()) {
                bySlot.put(a.slot(), a);
            }
            byId.put(a.id(), a);
            Instant mark = a.lastReadingAt();
            // A watermark stored in the future (a forged or clock-ahead reading before the engine bounded them) would
            // make every real reading look like a replay until that date: it restarts from now.
            if (mark != null && mark.isAfter(limit)) {
                mark = now;
                repaired++;
            }
            if (mark != null) {
                watermarks.merge(a.slot(), mark, (x, y) -> x.isAfter(y) ? x : y);
            }
        }
        if (repaired > 0) {
            LOG.warnf("%d stored alarm(s) carried a last reading time more than %s ahead of this service's clock; "
                    + "their device+rule watermarks restart from now so that current readings are evaluated again",
                    repaired, maxSkew);
        }
        // A crash between storing a change and Kafka's ack left these behind; the replayed readings cannot raise
        // them again (the watermark skips them), so they are published from here.
        repository.findUnpublished().forEach((id, changes) -> {
            Alarm a = byId.get(id);
            if (a != null) {
                unpublished.put(id, new ArrayList<>(changes));
                changes.forEach(c -> recovered.add(new AlarmChange(a, AlarmEvent.Change.valueOf(c))));
            }
        });
    }

    /** Changes a previous run stored but never saw acknowledged by Kafka; handed out once. */
    public synchronized List<AlarmChange> takeRecovered() {
        List<AlarmChange> out = List.copyOf(recovered);
        recovered.clear();
        return out;
    }

    /** Kafka has these changes (or they go nowhere: a shelved device): they leave the outbox. */
    public synchronized void published(List<AlarmChange> changes) {
        Map<String, List<String>> left = new HashMap<>();
        for (AlarmChange c : changes) {
            List<String> pending = unpublished.get(c.alarm().id());
            if (pending != null && pending.remove(c.change().name())) {
                left.put(c.alarm().id(), List.copyOf(pending));
                if (pending.isEmpty()) {
                    unpublished.remove(c.alarm().id());
                }
            }
        }
        repository.setUnpublished(left);
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

    /** Stores a new alarm, RAISED not yet published; false when it exists already (a replayed reading). */
    public synchronized boolean insert(Alarm alarm) {
        List<String> pending = List.of(AlarmEvent.Change.RAISED.name());
        if (!repository.insert(alarm, pending)) {
            return false;
        }
        unpublished.put(alarm.id(), new ArrayList<>(pending));
        index(alarm);
        return true;
    }

    /** Writes a change of status, level or escalation at once, together with the change to publish. */
    public synchronized void save(Alarm alarm, AlarmEvent.Change change) {
        List<String> pending = unpublished.computeIfAbsent(alarm.id(), k -> new ArrayList<>());
        pending.add(change.name());
        repository.replace(alarm, List.copyOf(pending));
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
        pending.forEach(a -> repository.replace(a, List.copyOf(unpublished.getOrDefault(a.id(), List.of()))));
        return pending.size();
    }

    /** An alarm by id, from memory when its condition is present, else from the repository. */
    public synchronized Optional<Alarm> byId(String id) {
        return bySlot.values().stream().filter(a -> a.id().equals(id)).findFirst()
                .or(() -> repository.findById(id));
    }

    public synchronized void deleteAll() {
        repository.deleteAll();
        bySlot.clear();
        dirty.clear();
        watermarks.clear();
        unpublished.clear();
        recovered.clear();
    }

    private void index(Alarm alarm) {
        Instant limit = clock.instant().plus(maxSkew);
        Instant mark = alarm.lastReadingAt().isAfter(limit) ? limit : alarm.lastReadingAt();
        watermarks.merge(alarm.slot(), mark, (x, y) -> x.isAfter(y) ? x : y);
        if (alarm.conditionPresent()) {
            bySlot.put(alarm.slot(), alarm);
        } else if (bySlot.containsKey(alarm.slot()) && bySlot.get(alarm.slot()).id().equals(alarm.id())) {
            bySlot.remove(alarm.slot());
        }
    }
}
