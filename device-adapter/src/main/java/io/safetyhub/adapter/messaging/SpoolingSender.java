package io.safetyhub.adapter.messaging;

import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The adapter's buffer in front of Kafka. Up to {@code memoryRecords} records may wait for Kafka's acknowledgement in
 * memory (inside the producer, which batches and retries them in order); a record past that bound, or any record
 * while older ones are still on disk, is appended to the {@link DiskSpool}. Its future completes when Kafka has the
 * record or, for a spooled record, once it is fsynced: that completion is what lets the MQTT message be acknowledged.
 * One sender thread hands records to the producer in the order they were accepted (memory first, then the spool),
 * so that together with the idempotent producer (at most 5 requests in flight) the order per device is kept.
 */
final class SpoolingSender implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(SpoolingSender.class);
    private static final int SPOOL_READ_BATCH = 500;

    record Settings(int memoryRecords, Path spoolDir, long segmentBytes, boolean fsync, Duration stallAfter) {
    }

    private final Producer<String, byte[]> producer;
    private final Settings settings;
    private final DiskSpool spool;
    private final Object lock = new Object();
    /** Records accepted into memory, waiting for the sender: looked at every millisecond while they keep coming. */
    private final Handoff<Pending> memory = new Handoff<>(TimeUnit.MILLISECONDS.toNanos(1), 3);
    private final SpoolSync sync;
    private final Thread sender;
    /** Records accepted into memory and not yet acknowledged by Kafka (queued here or inside the producer). */
    private long inMemory;
    /** Records read back from the spool and handed to the producer, not yet acknowledged. */
    private long spoolInFlight;
    /** Records taken from memory for the producer and not yet acknowledged, in send order (for an evacuation). */
    private final Map<Long, Pending> sentFromMemory = new LinkedHashMap<>();
    private long sequence;
    private volatile long lastAckNanos = System.nanoTime();
    /** When the backlog last went from empty to not empty: a quiet spell before it is no stall. */
    private volatile long busySinceNanos = System.nanoTime();
    private volatile boolean closed;
    private final AtomicBoolean refusing = new AtomicBoolean();

    SpoolingSender(Producer<String, byte[]> producer, Settings settings) {
        this.producer = producer;
        this.settings = settings;
        this.spool = new DiskSpool(settings.spoolDir(), settings.segmentBytes());
        this.sync = new SpoolSync(spool, lock, settings.fsync());
        if (spool.unread() > 0) {
            LOG.infof("spool %s holds %d records from an earlier run; delivering them first", settings.spoolDir(),
                    spool.unread());
        }
        this.sender = new Thread(this::sendLoop, "spooling-sender");
        sender.setDaemon(true);
        sender.start();
    }

    /** Accepts one record; the future completes once Kafka has it, or once it is durably on disk. */
    CompletableFuture<Void> submit(OutboundRecord record) {
        CompletableFuture<Void> done = new CompletableFuture<>();
        synchronized (lock) {
            if (closed) {
                done.completeExceptionally(new IllegalStateException("the sender is closed"));
                return done;
            }
            if (inMemory + spoolInFlight + spool.unread() == 0) {
                busySinceNanos = System.nanoTime();
            }
            if (spool.unread() == 0 && inMemory < settings.memoryRecords()) {
                inMemory++;
                memory.add(new Pending(record, done, null, sequence++));
                return done;
            }
            try {
                spool.append(record);
            } catch (IOException e) {
                // Disk full or gone: the record stays unacknowledged upstream (MQTT redelivers it).
                LOG.errorf("cannot append to the spool %s: %s", settings.spoolDir(), e.getMessage());
                done.completeExceptionally(e);
                return done;
            }
        }
        sync.durableAfterSync(done);
        return done;
    }

    /** Records not yet acknowledged by Kafka: in memory, or on disk. */
    long backlog() {
        synchronized (lock) {
            return inMemory + spoolInFlight + spool.unread();
        }
    }

    long spooled() {
        synchronized (lock) {
            return spool.unread();
        }
    }

    long inMemory() {
        synchronized (lock) {
            return inMemory + spoolInFlight;
        }
    }
    /** True while records wait and Kafka has acknowledged none of them for {@code stallAfter}. */
    boolean stalled() {
        long since = Math.max(lastAckNanos, busySinceNanos);
        // The time first: the sender asks before every record, and the backlog takes the submitters' lock.
        return System.nanoTime() - since > settings.stallAfter().toNanos() && backlog() > 0;
    }

    @Override
    public void close() {
        synchronized (lock) {
            closed = true;
        }
        sender.interrupt();
        try {
            sender.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        // What is only in memory was never acknowledged upstream (the broker redelivers it); the spool stays.
        producer.close(Duration.ofSeconds(5));
        sync.close();
        synchronized (lock) {
            try {
                spool.close();
            } catch (IOException e) {
                LOG.warnf("closing the spool: %s", e.getMessage());
            }
        }
    }

    private void sendLoop() {
        while (!closed) {
            try {
                evacuateIfStalled();
                Pending next = memory.take(50, TimeUnit.MILLISECONDS);
                if (next != null) {
                    synchronized (lock) {
                        sentFromMemory.put(next.sequence(), next);
                    }
                    send(next);
                } else {
                    drainSpool();
                }
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException e) {
                LOG.errorf(e, "sender sender");
            }
        }
    }

    /** Reads the spool's head into the producer while memory has room; only after everything queued in memory. */
    private void drainSpool() throws InterruptedException {
        List<DiskSpool.Spooled> batch;
        synchronized (lock) {
            long room = settings.memoryRecords() - inMemory - spoolInFlight;
            if (spool.unread() == 0 || room <= 0 || !memory.isEmpty()) {
                return;
            }
            try {
                batch = spool.read((int) Math.min(room, SPOOL_READ_BATCH));
            } catch (IOException e) {
                LOG.errorf("cannot read the spool %s: %s", settings.spoolDir(), e.getMessage());
                return;
            }
            spoolInFlight += batch.size();
        }
        for (DiskSpool.Spooled spooled : batch) {
            send(new Pending(spooled.record(), null, spooled.segment(), -1));
        }
    }

    /**
     * Hands one record to the producer, retrying in place while the producer cannot take it (no metadata for the
     * topic while Kafka is away, buffer full): such a refusal is reported synchronously, before {@code send} returns,
     * so retrying here, before the next record, keeps the order.
     */
    private void send(Pending pending) throws InterruptedException {
        long backoff = 100;
        while (!closed) {
            SendAttempt attempt = new SendAttempt(() -> acknowledged(pending),
                    failure -> refusedAfterSend(pending, failure));
            try {
                producer.send(new ProducerRecord<>(pending.record().topic(), pending.record().key(),
                        pending.record().value()), attempt);
                if (attempt.returned()) {
                    return;
                }
            } catch (KafkaException e) {
                attempt.refusedBeforeReturn(e);
            }
            LOG.debugf("producer did not take a record (%s); retrying", attempt.refusal());
            evacuateIfStalled();
            Thread.sleep(backoff);
            backoff = Math.min(5_000, backoff * 2);
        }
    }

    private void acknowledged(Pending pending) {
        lastAckNanos = System.nanoTime();
        if (refusing.compareAndSet(true, false)) {
            LOG.info("Kafka takes records again");
        }
        synchronized (lock) {
            if (pending.segment() == null) {
                inMemory--;
                sentFromMemory.remove(pending.sequence());
            } else {
                spoolInFlight--;
                try {
                    spool.acknowledged(pending.segment());
                } catch (IOException e) {
                    LOG.warnf("cannot delete a delivered spool segment: %s", e.getMessage());
                }
            }
        }
        if (pending.done() != null) {
            pending.done().complete(null);
        }
    }

    /** Only a non-retriable error gets here (delivery.timeout.ms is unbounded); the README says what it costs. */
    private void refusedAfterSend(Pending pending, Exception failure) {
        if (closed) {
            return;
        }
        if (refusing.compareAndSet(false, true)) {
            LOG.warnf("Kafka refused a record for %s (%s); re-sending every second until it is taken",
                    pending.record().topic(), failure.getMessage());
        }
        CompletableFuture.delayedExecutor(1, TimeUnit.SECONDS).execute(() -> {
            try {
                send(pending);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
    }

    /**
     * Kafka has acknowledged nothing for {@code stallAfter} while records wait: records held only in memory are written
     * to the spool too and count as stored, so their MQTT messages are acknowledged and the broker sends more (it allows
     * only so many unacknowledged, 50 for HiveMQ); newer ones follow them to the spool. The producer keeps its copies,
     * so a record may reach Kafka twice (consumers drop the repeat by its idempotency key), its first arrival in order.
     */
    private void evacuateIfStalled() {
        if (!stalled()) {
            return;
        }
        List<CompletableFuture<Void>> stored = new ArrayList<>();
        synchronized (lock) {
            if (inMemory == 0) {
                return;
            }
            try {
                for (Pending pending : sentFromMemory.values()) {
                    if (!pending.done().isDone()) {
                        spool.append(pending.record());
                        stored.add(pending.done());
                    }
                }
                Pending queued;
                while ((queued = memory.poll()) != null) {
                    spool.append(queued.record());
                    stored.add(queued.done());
                    inMemory--;
                }
                spool.sync();
            } catch (IOException e) {
                LOG.errorf("cannot evacuate memory to the spool %s: %s", settings.spoolDir(), e.getMessage());
                return;
            }
        }
        if (!stored.isEmpty()) {
            LOG.warnf("Kafka has acknowledged nothing for %s; %d records held in memory written to the spool %s",
                    settings.stallAfter(), stored.size(), settings.spoolDir());
            stored.forEach(f -> f.complete(null));
        }
    }

    /** A record accepted into memory ({@code done}, {@code sequence}) or read back from the spool ({@code segment}). */
    private record Pending(OutboundRecord record, CompletableFuture<Void> done, DiskSpool.Segment segment,
                           long sequence) {
    }
}
