package io.safetyhub.warning.alarm;

import io.safetyhub.events.AlarmEvent;
import io.safetyhub.warning.config.WarningConfig;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

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
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

/**
 * The alarms whose condition is present, held in memory by device and rule (loaded when their partitions are taken
 * over), so that a reading costs no database query. Every decision is made here in memory; the repository is written behind,
 * by the one {@link AlarmWriter} (in order, retried while MongoDB is away): a change of status or level at once,
 * mere value updates about once a second ({@link AlarmTimers}). Callers hold this object's monitor
 * ({@code synchronized (store)}) around read-modify-write sequences (the consumer, timers and REST share it); no method
 * holding it does I/O: it only hands writes to the writer. {@link #written()} completes once everything decided so
 * far is stored. Whether an alarm id exists is answered from memory too, from one {@link SlotMarks} entry per
 * device+rule slot (loaded when partitions are taken over, by {@link PartitionHandover}), never from every id. Alarms
 * cleared before anyone acknowledged them stay here until the escalator is done with them ({@link #settled}).
 */
@ApplicationScoped
public class AlarmStore {
    private final AlarmRepository repository;
    private final Clock clock;
    private final Duration maxSkew;
    private final Map<String, Alarm> bySlot = new HashMap<>();
    /** Alarms cleared before anyone acknowledged them, by id, until the escalator is done with them ({@link #settled}). */
    private final Map<String, Alarm> clearedUnacknowledged = new HashMap<>();
    private final Set<String> dirty = new LinkedHashSet<>();
    /** Alarm id -> its changes stored but not yet acknowledged by Kafka (persisted with the alarm: an outbox). */
    private final Map<String, List<String>> unpublished = new HashMap<>();
    private final List<AlarmChange> recovered = new ArrayList<>();
    /** Per device+rule slot of the owned partitions: partition, watermark, newest raising time. */
    private final SlotMarks slots = new SlotMarks();
    private final Ownership ownership;
    /**
     * Alarms handed to the writer, not yet stored, by id (a read by id must see them). Concurrent: the writer's thread
     * removes entries without this monitor, which could deadlock with a caller waiting for room in the writer's queue.
     */
    private final Map<String, Alarm> unwritten = new ConcurrentHashMap<>();
    private final AlarmWriter writer;
    private final PartitionHandover handover;

    public AlarmStore(AlarmRepository repository, Clock clock, WarningConfig config, Ownership ownership) {
        this.repository = repository;
        this.writer = new AlarmWriter(repository, config.engine().writeQueueCapacity());
        this.clock = clock;
        this.maxSkew = config.engine().maxClockSkew();
        this.ownership = ownership;
        this.handover = new PartitionHandover(this, repository, ownership, clock, maxSkew,
                config.escalation().clearedStillEscalate());
        if (ownership.ownsEverything()) {
            handover.loadEverything();
        }
    }

    /** Whether this replica owns the key (a device id, or an enterprise id for an alarm without a device). */
    public boolean owns(String key) {
        return ownership.owns(key);
    }

    /** Takes these partitions over ({@link PartitionHandover#adopt}); {@code onTopic}: outbox changes Kafka has. */
    public void adopt(Set<Integer> partitions, UnaryOperator<List<AlarmChange>> onTopic) {
        handover.adopt(partitions, onTopic);
    }

    /** Takes these partitions over, publishing whatever a previous owner left in the outbox (no topic to check). */
    public void adopt(Set<Integer> partitions) {
        adopt(partitions, left -> List.of());
    }

    /** Hands these partitions over, waiting at most {@code timeout} ({@link PartitionHandover#release}). */
    public void release(Set<Integer> partitions, Duration timeout) {
        handover.release(partitions, timeout);
    }

    /** For {@link PartitionHandover}: an alarm loaded from the repository (open, or in the outbox), with its partition. */
    synchronized void loaded(Alarm a, int partition) {
        if (a.conditionPresent()) {
            bySlot.put(a.slot(), a);
        } else if (a.status() == AlarmEvent.Status.CLEARED_UNACKNOWLEDGED && a.escalationStage() < Escalation.LAST_STAGE) {
            clearedUnacknowledged.put(a.id(), a);
        }
        slots.loaded(a.slot(), partition, a.raisedAt(), null);
    }

    /** For {@link PartitionHandover}: what is kept of a slot's history, with its partition and (bounded) watermark. */
    synchronized void loaded(AlarmRepository.SlotMark m, int partition, Instant watermark) {
        slots.loaded(m.slot(), partition, m.newestRaisedAt(), watermark);
    }

    /**
     * For {@link PartitionHandover}: changes a previous owner stored and never saw published, back in the outbox; not
     * handed to any relay until {@link #checkedAtTakeover}. None when this store has the alarm's outbox already.
     */
    synchronized List<AlarmChange> pendingOfPreviousOwner(Alarm a, List<String> changes) {
        if (unpublished.containsKey(a.id())) {
            return List.of();
        }
        unpublished.put(a.id(), new ArrayList<>(changes));
        return changes.stream().map(c -> new AlarmChange(a, AlarmEvent.Change.valueOf(c))).toList();
    }

    /** For {@link PartitionHandover}: {@code unsent} go out with the next relay, {@code onTopic} leave the outbox. */
    synchronized void checkedAtTakeover(List<AlarmChange> unsent, List<AlarmChange> onTopic) {
        recovered.addAll(unsent);
        published(onTopic);
    }

    /** Whether a change of an alarm of these partitions waits for Kafka's ack. */
    synchronized boolean unpublishedIn(Set<Integer> partitions) {
        return unpublished.keySet().stream().anyMatch(id -> partitions.contains(slots.partitionOfId(id)));
    }

    /** For {@link PartitionHandover}: forgets everything of these partitions; the number of open alarms forgotten. */
    synchronized int forget(Set<Integer> partitions) {
        int before = bySlot.size();
        bySlot.values().removeIf(a -> slots.in(a.slot(), partitions));
        dirty.removeIf(slot -> slots.in(slot, partitions));
        clearedUnacknowledged.values().removeIf(a -> slots.in(a.slot(), partitions));
        unpublished.keySet().removeIf(id -> partitions.contains(slots.partitionOfId(id)));
        recovered.removeIf(c -> slots.in(c.alarm().slot(), partitions));
        slots.forget(partitions); // last: the removals above look partitions up there
        return before - bySlot.size();
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
        writer.setUnpublished(left);
        notifyAll(); // release() may wait for these
    }

    /** Completes once every change and value handed to the writer so far is stored. */
    public CompletableFuture<Void> written() {
        return writer.tail();
    }

    /** Source time of the newest reading applied to this device+rule, kept across clearing and restarts (replays). */
    public synchronized Instant watermark(String slot) {
        return slots.watermark(slot);
    }

    public synchronized Optional<Alarm> open(String slot) {
        return Optional.ofNullable(bySlot.get(slot));
    }

    public synchronized Collection<Alarm> openAlarms() {
        return new ArrayList<>(bySlot.values());
    }

    /** Alarms of the owned partitions cleared before anyone acknowledged them, that the escalator still watches. */
    public synchronized Collection<Alarm> clearedUnacknowledged() {
        return new ArrayList<>(clearedUnacknowledged.values());
    }

    /** The escalator is done with this cleared alarm (at the last stage, or not escalated at its level). */
    public synchronized void settled(String id) {
        clearedUnacknowledged.remove(id);
    }

    /**
     * Records a new alarm, RAISED not yet published, and hands it to the writer; false when its slot has an alarm
     * raised at that time or later already (a replayed reading).
     */
    public synchronized boolean insert(Alarm alarm) {
        if (!slots.claimRaise(alarm.slot(), ownership.partitionOf(Ownership.keyOf(alarm)), alarm.raisedAt())) {
            return false;
        }
        List<String> pending = List.of(AlarmEvent.Change.RAISED.name());
        unpublished.put(alarm.id(), new ArrayList<>(pending));
        index(alarm);
        track(alarm, () -> writer.insert(alarm, pending));
        return true;
    }

    /** Records a change of status, level or escalation and hands it to the writer with the changes to publish. */
    public synchronized void save(Alarm alarm, AlarmEvent.Change change) {
        List<String> pending = unpublished.computeIfAbsent(alarm.id(), k -> new ArrayList<>());
        pending.add(change.name());
        dirty.remove(alarm.slot());
        index(alarm);
        List<String> stillPending = List.copyOf(pending);
        track(alarm, () -> writer.replace(alarm, stillPending));
    }

    /** Keeps the alarm readable by id until the writer has stored it. */
    private void track(Alarm alarm, Supplier<CompletableFuture<Void>> write) {
        unwritten.put(alarm.id(), alarm); // before the write is handed in, so that its completion always removes it
        write.get().whenComplete((v, e) -> unwritten.remove(alarm.id(), alarm));
    }

    /** Records a new value in memory; {@link #flush()} writes it. */
    public synchronized void touch(Alarm alarm) {
        index(alarm);
        dirty.add(alarm.slot());
    }

    /**
     * Hands pending value updates to the writer (in order behind every status change already handed in, so a newer
     * status is never overwritten); the future completes once they, and everything before them, are stored.
     */
    public synchronized CompletableFuture<Void> flush() {
        List<Alarm> pending = dirty.stream().map(bySlot::get).filter(a -> a != null).toList();
        dirty.clear();
        for (Alarm a : pending) {
            List<String> stillPending = List.copyOf(unpublished.getOrDefault(a.id(), List.of()));
            track(a, () -> writer.replace(a, stillPending));
        }
        return writer.tail();
    }

    /**
     * Hands pending value updates to the writer and waits until what was decided so far is stored, at most
     * {@code timeout} (MongoDB away: a query then answers with what is stored, rather than hanging).
     */
    public void flushAndWait(Duration timeout) {
        flush().copy().completeOnTimeout(null, timeout.toMillis(), TimeUnit.MILLISECONDS).join();
    }

    /** The newest state of an alarm this store holds (open, or handed to the writer and not yet stored), no I/O. */
    public synchronized Optional<Alarm> current(String id) {
        return bySlot.values().stream().filter(a -> a.id().equals(id)).findFirst()
                .or(() -> Optional.ofNullable(clearedUnacknowledged.get(id)))
                .or(() -> Optional.ofNullable(unwritten.get(id)));
    }

    /** An alarm by id: from memory when this store holds it, else from the repository (outside the monitor). */
    public Optional<Alarm> byId(String id) {
        return current(id).or(() -> repository.findById(id));
    }

    /** Stops the writer once it has stored what it was given (at shutdown). */
    @PreDestroy
    void close() {
        writer.close();
    }

    public void deleteAll() {
        written().join();
        synchronized (this) {
            repository.deleteAll();
            slots.clear();
            unwritten.clear();
            bySlot.clear();
            clearedUnacknowledged.clear();
            dirty.clear();
            unpublished.clear();
            recovered.clear();
        }
    }

    private void index(Alarm alarm) {
        Instant limit = clock.instant().plus(maxSkew);
        Instant mark = alarm.lastReadingAt().isAfter(limit) ? limit : alarm.lastReadingAt();
        slots.applied(alarm.slot(), ownership.partitionOf(Ownership.keyOf(alarm)), alarm.raisedAt(), mark);
        if (alarm.conditionPresent()) {
            bySlot.put(alarm.slot(), alarm);
        } else if (bySlot.containsKey(alarm.slot()) && bySlot.get(alarm.slot()).id().equals(alarm.id())) {
            bySlot.remove(alarm.slot());
        }
        if (alarm.status() == AlarmEvent.Status.CLEARED_UNACKNOWLEDGED && alarm.escalationStage() < Escalation.LAST_STAGE) {
            clearedUnacknowledged.put(alarm.id(), alarm);
        } else {
            clearedUnacknowledged.remove(alarm.id());
        }
    }
}
