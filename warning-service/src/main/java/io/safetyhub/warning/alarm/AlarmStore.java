package io.safetyhub.warning.alarm;

import io.safetyhub.events.AlarmEvent;
import io.safetyhub.warning.config.WarningConfig;
import jakarta.annotation.PreDestroy;
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
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * The alarms whose condition is present, held in memory by device and rule (loaded from the repository at start),
 * so that a reading costs no database query. Every decision is made here in memory; the repository is written behind,
 * by the one {@link AlarmWriter} (in order, retried while MongoDB is away): a change of status or level at once,
 * mere value updates about once a second ({@link AlarmTimers}). Callers hold this object's monitor
 * ({@code synchronized (store)}) around read-modify-write sequences (the consumer, timers and REST share it); no method
 * holding it does I/O: it only hands writes to the writer. {@link #written()} completes once everything decided so
 * far is stored. Whether an alarm id exists is answered from memory too (every id is loaded at start), so a replayed
 * reading raises nothing twice without a query.
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
    /**
     * Every alarm id of the owned partitions stored or handed to the writer (a new alarm with one of these ids is a
     * replay), with the partition the alarm belongs to; -1 when everything is owned.
     */
    private final Map<String, Integer> ids = new HashMap<>();
    /** The partition of each device+rule slot known (open alarm, watermark). */
    private final Map<String, Integer> partitionBySlot = new HashMap<>();
    private final Ownership ownership;
    /**
     * Alarms handed to the writer and not yet stored, by id: what a read by id must see before MongoDB has it.
     * Concurrent, because the writer's thread removes entries without this object's monitor (taking it there could
     * deadlock with a caller that holds the monitor while waiting for room in the writer's queue).
     */
    private final Map<String, Alarm> unwritten = new ConcurrentHashMap<>();
    private final AlarmWriter writer;

    public AlarmStore(AlarmRepository repository, Clock clock, WarningConfig config, Ownership ownership) {
        this.repository = repository;
        this.writer = new AlarmWriter(repository, config.engine().writeQueueCapacity());
        this.clock = clock;
        this.maxSkew = config.engine().maxClockSkew();
        this.ownership = ownership;
        if (ownership.ownsEverything()) {
            load(repository.findAll(), repository.findUnpublished());
        }
    }

    /** Whether this replica owns the key (a device id, or an enterprise id for an alarm without a device). */
    public boolean owns(String key) {
        return ownership.owns(key);
    }

    /**
     * Takes over these partitions of the readings topic: loads their alarms (the open ones into memory, every id and
     * device+rule watermark) and their changes a previous owner stored but never saw published, which go out with the
     * next relay. Called by the rebalance listener before {@link Ownership} names them (with the partition count
     * already set); the query runs outside the monitor.
     */
    public void adopt(Set<Integer> partitions) {
        int count = ownership.partitions();
        if (partitions.isEmpty() || count <= 0) {
            return;
        }
        List<Alarm> found = repository.findInPartitions(partitions, count).stream()
                .filter(a -> Ownership.inPartitions(a, partitions, count)).toList();
        Map<String, List<String>> pending = repository.findUnpublished();
        synchronized (this) {
            load(found, pending);
        }
        LOG.infof("took over partitions %s of %d: %d alarm(s), %d open", partitions, count, found.size(),
                found.stream().filter(Alarm::conditionPresent).count());
    }

    private void load(List<Alarm> alarms, Map<String, List<String>> pendingById) {
        Map<String, Alarm> byId = new HashMap<>();
        Instant now = clock.instant();
        Instant limit = now.plus(maxSkew);
        int repaired = 0;
        for (Alarm a : alarms) {
            int partition = ownership.partitionOf(Ownership.keyOf(a));
            if (a.conditionPresent()) {
                bySlot.put(a.slot(), a);
            }
            byId.put(a.id(), a);
            ids.put(a.id(), partition);
            partitionBySlot.put(a.slot(), partition);
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
        pendingById.forEach((id, changes) -> {
            Alarm a = byId.get(id);
            if (a != null && !unpublished.containsKey(id)) {
                unpublished.put(id, new ArrayList<>(changes));
                changes.forEach(c -> recovered.add(new AlarmChange(a, AlarmEvent.Change.valueOf(c))));
            }
        });
    }

    /**
     * Hands these partitions over: their pending values are written, the writer drained and their changes waited for
     * until Kafka has them and their removal from the outbox is stored (at most {@code timeout}), then they are
     * forgotten, so that the next owner loads what is stored and publishes nothing twice. The rebalance listener
     * relays the recovered changes first, so that none of these waits for a relay that would never come.
     */
    public void release(Set<Integer> partitions, Duration timeout) {
        if (partitions.isEmpty() || ownership.ownsEverything()) {
            return;
        }
        long deadline = System.nanoTime() + timeout.toNanos();
        awaitQuietly(flush(), deadline);
        synchronized (this) {
            try {
                while (unpublished.keySet().stream().anyMatch(id -> partitions.contains(ids.get(id)))
                        && System.nanoTime() < deadline) {
                    wait(20); // published() notifies
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        awaitQuietly(written(), deadline);
        synchronized (this) {
            int before = bySlot.size();
            bySlot.values().removeIf(a -> partitions.contains(partitionBySlot.get(a.slot())));
            dirty.removeIf(slot -> partitions.contains(partitionBySlot.get(slot)));
            watermarks.keySet().removeIf(slot -> partitions.contains(partitionBySlot.get(slot)));
            partitionBySlot.values().removeIf(partitions::contains);
            unpublished.keySet().removeIf(id -> partitions.contains(ids.get(id)));
            recovered.removeIf(c -> partitions.contains(ids.get(c.alarm().id())));
            ids.values().removeIf(partitions::contains);
            LOG.infof("handed over partitions %s: %d open alarm(s) forgotten", partitions, before - bySlot.size());
        }
    }

    private static void awaitQuietly(CompletableFuture<Void> future, long deadline) {
        long left = Math.max(0, deadline - System.nanoTime());
        try {
            future.get(left, TimeUnit.NANOSECONDS);
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            LOG.warnf("handing partitions over before their writes are all stored: %s", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Changes a previous run stored but never saw acknowledged by Kafka; handed out once. */
    public synchronized List<AlarmChange> takeRecovered() {
        List<AlarmChange> out = List.copyOf(recovered);
        recovered.clear();
        return out;
    }

    /** The changes recovered from the outbox and not yet handed out (what a takeover found). */
    public synchronized List<AlarmChange> recoveredSnapshot() {
        return List.copyOf(recovered);
    }

    /** These recovered changes are on Kafka already (a previous owner published them): out of the outbox, not again. */
    public synchronized void alreadyPublished(List<AlarmChange> changes) {
        if (!changes.isEmpty()) {
            recovered.removeAll(changes);
            published(changes);
        }
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

    /**
     * Records a new alarm, RAISED not yet published, and hands it to the writer; false when the id exists already
     * (a replayed reading).
     */
    public synchronized boolean insert(Alarm alarm) {
        if (ids.containsKey(alarm.id())) {
            return false;
        }
        ids.put(alarm.id(), ownership.partitionOf(Ownership.keyOf(alarm)));
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
        ids.computeIfAbsent(alarm.id(), k -> ownership.partitionOf(Ownership.keyOf(alarm)));
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
            deleteAllInMemory();
        }
    }

    private void deleteAllInMemory() {
        repository.deleteAll();
        ids.clear();
        unwritten.clear();
        bySlot.clear();
        dirty.clear();
        watermarks.clear();
        partitionBySlot.clear();
        unpublished.clear();
        recovered.clear();
    }

    private void index(Alarm alarm) {
        Instant limit = clock.instant().plus(maxSkew);
        Instant mark = alarm.lastReadingAt().isAfter(limit) ? limit : alarm.lastReadingAt();
        watermarks.merge(alarm.slot(), mark, (x, y) -> x.isAfter(y) ? x : y);
        partitionBySlot.computeIfAbsent(alarm.slot(), k -> ownership.partitionOf(Ownership.keyOf(alarm)));
        if (alarm.conditionPresent()) {
            bySlot.put(alarm.slot(), alarm);
        } else if (bySlot.containsKey(alarm.slot()) && bySlot.get(alarm.slot()).id().equals(alarm.id())) {
            bySlot.remove(alarm.slot());
        }
    }
}
