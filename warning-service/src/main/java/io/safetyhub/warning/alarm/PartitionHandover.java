package io.safetyhub.warning.alarm;

import io.safetyhub.events.AlarmLevel;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.UnaryOperator;

/**
 * Taking partitions of the readings topic over and handing them over, for the {@link AlarmStore} it belongs to (one
 * each, built by the store).
 * <p>
 * Locking: the alarms, ids, watermarks and outbox stay in the store and are guarded by the store's monitor alone, the
 * one the engine, the timers and REST hold ({@code synchronized (store)}). This class has no state of its own to guard:
 * it does the I/O (the repository query, the waits for the writer and for Kafka) outside that monitor, and changes the
 * store only through the store's package-private methods, taking the monitor around a whole load or a whole forget
 * so that no decision ever sees half a partition. It waits for {@link AlarmStore#published} on the same monitor
 * ({@code store.wait}), which that method notifies. A second lock here would add an order to get wrong and nothing to
 * protect.
 */
final class PartitionHandover {
    private static final Logger LOG = Logger.getLogger(PartitionHandover.class);

    private final AlarmStore store;
    private final AlarmRepository repository;
    private final Ownership ownership;
    private final Clock clock;
    private final Duration maxSkew;
    /** The levels at which an alarm cleared before anyone acknowledged it still escalates: only those are loaded. */
    private final Set<AlarmLevel> stillEscalating;

    PartitionHandover(AlarmStore store, AlarmRepository repository, Ownership ownership, Clock clock,
                      Duration maxSkew, Set<AlarmLevel> stillEscalating) {
        this.store = store;
        this.repository = repository;
        this.ownership = ownership;
        this.clock = clock;
        this.maxSkew = maxSkew;
        this.stillEscalating = Set.copyOf(stillEscalating);
    }

    /** A replica alone with everything (no partitions to share): every stored slot and open alarm, at start. */
    void loadEverything() {
        Map<String, List<String>> pending = repository.findUnpublished();
        Loaded all = new Loaded(repository.findHeld(Set.of(), 0, stillEscalating), repository.slotMarks(Set.of(), 0),
                repository.findByIds(pending.keySet()), pending);
        List<AlarmChange> left;
        synchronized (store) {
            left = load(all);
        }
        store.checkedAtTakeover(left, List.of()); // alone: nobody else can have published them
    }

    /**
     * Takes over these partitions: loads their open alarms into memory, per device+rule slot the newest raising and
     * reading times (what tells a replay from a new alarm, and the watermark), and their changes a previous owner
     * stored but never saw published. Those are held back until {@code onTopic}
     * (the alarm topic read by {@code PublishedCheck}) has named the ones Kafka has already: these leave the outbox
     * unsent, the others go out with the next relay. Held back, because any relay (the timers relay every second)
     * sends what is recovered: handed out before the check, a change the killed owner had published went out twice
     * (the scale-out drill's duplicate RAISED). Called by the rebalance listener before {@link Ownership} names the
     * partitions (with the partition count already set); the queries and the check run outside the monitor.
     */
    void adopt(Set<Integer> partitions, UnaryOperator<List<AlarmChange>> onTopic) {
        int count = ownership.partitions();
        if (partitions.isEmpty() || count <= 0) {
            return;
        }
        Map<String, List<String>> pending = repository.findUnpublished();
        Loaded found = new Loaded(
                repository.findHeld(partitions, count, stillEscalating).stream()
                        .filter(a -> Ownership.inPartitions(a, partitions, count)).toList(),
                repository.slotMarks(partitions, count).stream()
                        .filter(m -> partitions.contains(KeyPartition.of(m.ownershipKey(), count))).toList(),
                repository.findByIds(pending.keySet()).stream()
                        .filter(a -> Ownership.inPartitions(a, partitions, count)).toList(),
                pending);
        List<AlarmChange> left;
        synchronized (store) {
            left = load(found);
        }
        List<AlarmChange> published = List.of();
        try {
            published = left.isEmpty() ? List.of() : onTopic.apply(left);
        } catch (RuntimeException e) { // never left held: sent again (at least once) rather than stuck in the outbox
            LOG.warnf("could not check the outbox of partitions %s against the alarm topic (%s): its %d change(s) are"
                    + " sent again", partitions, e, left.size());
        }
        List<AlarmChange> onTopicAlready = published;
        List<AlarmChange> unsent = left.stream().filter(c -> !onTopicAlready.contains(c)).toList();
        store.checkedAtTakeover(unsent, published);
        LOG.infof("took over partitions %s of %d: %d device+rule slot(s) with alarms, %d open alarm(s); %d change(s)"
                        + " left unpublished by a previous owner, %d of them on the alarm topic already", partitions,
                count, found.marks().size(), found.open().size(), left.size(), published.size());
    }

    /** What a takeover reads: open alarms, per-slot marks, the alarms with changes in the outbox and those changes. */
    private record Loaded(List<Alarm> open, List<AlarmRepository.SlotMark> marks, List<Alarm> outbox,
                          Map<String, List<String>> pendingById) {
    }

    /** Called with the store's monitor held; returns the changes left unpublished (in the outbox, not handed out). */
    private List<AlarmChange> load(Loaded loaded) {
        Instant now = clock.instant();
        Instant limit = now.plus(maxSkew);
        int repaired = 0;
        for (AlarmRepository.SlotMark m : loaded.marks()) {
            Instant mark = m.newestReadingAt();
            // A watermark stored in the future (a forged or clock-ahead reading before the engine bounded them) would
            // make every real reading look like a replay until that date: it restarts from now.
            if (mark.isAfter(limit)) {
                mark = now;
                repaired++;
            }
            store.loaded(m, ownership.partitionOf(m.ownershipKey()), mark);
        }
        if (repaired > 0) {
            LOG.warnf("%d device+rule slot(s) carried a last reading time more than %s ahead of this service's clock;"
                    + " their watermarks restart from now so that current readings are evaluated again",
                    repaired, maxSkew);
        }
        loaded.open().forEach(a -> store.loaded(a, ownership.partitionOf(Ownership.keyOf(a))));
        // A crash between storing a change and Kafka's ack left these behind; the replayed readings cannot raise
        // them again (the watermark skips them), so they are published from here.
        List<AlarmChange> left = new ArrayList<>();
        for (Alarm a : loaded.outbox()) {
            store.loaded(a, ownership.partitionOf(Ownership.keyOf(a)));
            left.addAll(store.pendingOfPreviousOwner(a, loaded.pendingById().get(a.id())));
        }
        return left;
    }

    /**
     * Hands these partitions over: their pending values are written, the writer drained and their changes waited for
     * until Kafka has them and their removal from the outbox is stored (at most {@code timeout}), then they are
     * forgotten, so that the next owner loads what is stored and publishes nothing twice. The rebalance listener
     * relays the recovered changes first, so that none of these waits for a relay that would never come.
     */
    void release(Set<Integer> partitions, Duration timeout) {
        if (partitions.isEmpty() || ownership.ownsEverything()) {
            return;
        }
        long deadline = System.nanoTime() + timeout.toNanos();
        awaitQuietly(store.flush(), deadline);
        synchronized (store) {
            try {
                while (store.unpublishedIn(partitions) && System.nanoTime() < deadline) {
                    store.wait(20); // published() notifies
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        awaitQuietly(store.written(), deadline);
        int forgotten = store.forget(partitions);
        LOG.infof("handed over partitions %s: %d open alarm(s) forgotten", partitions, forgotten);
    }

    private static void awaitQuietly(CompletableFuture<Void> future, long deadline) {
        long left = Math.max(0, deadline - System.nanoTime());
        try {
            future.get(left, TimeUnit.NANOSECONDS);
        } catch (ExecutionException | TimeoutException e) {
            LOG.warnf("handing partitions over before their writes are all stored: %s", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
