package io.safetyhub.warning.messaging;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.safetyhub.events.Reading;
import io.safetyhub.warning.alarm.AlarmChange;
import io.safetyhub.warning.alarm.AlarmEngine;
import io.safetyhub.warning.alarm.AlarmOutbox;
import io.safetyhub.warning.config.WarningConfig;
import io.safetyhub.warning.history.BatchAck;
import io.safetyhub.warning.history.HistoryStore;
import io.smallrye.common.annotation.Identifier;
import io.smallrye.reactive.messaging.annotations.Blocking;
import io.smallrye.reactive.messaging.kafka.KafkaRecord;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import io.smallrye.reactive.messaging.kafka.api.IncomingKafkaRecordBatchMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * Feeds {@code telemetry.readings.v1} to the engine and the history, one polled batch at a time, doing no I/O on this
 * thread. For each reading the engine decides in memory; the changes it caused are relayed at once (sent to Kafka
 * with {@code linger.ms=0}, written behind by the alarm writer), not at the end of the batch, and nobody waits here
 * for Kafka's ack or MongoDB. The reading then goes into its history bucket in memory.
 * <p>
 * <b>When a batch is acknowledged</b> (its offsets committable): only once every alarm change it caused is
 * acknowledged by Kafka <em>and</em> stored with its alarm, and every history bucket its readings went into is
 * stored ({@link BatchAck}: a counter per batch; what is kept until then is the batch's last offset per partition,
 * {@link ReadingOffsets}, not its records). Why that keeps the outbox's guarantee after a kill -9: until the batch is
 * acknowledged its readings are delivered again. If the alarm state was not stored, the engine (whose per device+rule
 * watermark and alarm ids come from what is stored) decides the same change again from them, with the same
 * deterministic id ({@code Alarm.idFor(device, rule, ts)}), and publishes it. If it was stored but Kafka's ack was not
 * seen, the stored document still lists the change as unpublished (every stored state of an alarm carries its
 * not-yet-acknowledged changes, and the writer stores them in order), and {@code AlarmStore} publishes it at start.
 * Either way the change is published at least once; a change Kafka acknowledged but whose removal from the outbox was
 * not stored is published twice.
 * <p>
 * Back-pressure: when more than {@code warning.history.max-pending-samples} readings wait for their buckets to be
 * stored (MongoDB away), the consumer waits here before taking the next batch.
 */
@ApplicationScoped
public class ReadingConsumer {
    private static final Logger LOG = Logger.getLogger(ReadingConsumer.class);
    private static final String SAMPLE_MEMORY_HELP =
            "off-heap memory of history samples: held by buckets (in-use), kept by the allocator (reserved)";

    private final AlarmEngine engine;
    private final HistoryStore history;
    private final AlarmOutbox outbox;
    private final MeterRegistry metrics;
    private final ReadingOffsets offsets;
    private final int maxPending;
    /**
     * Polled batches taken: readings_total / this = readings per batch. Each batch costs the same poll, dispatch and
     * acknowledgement whatever its size (~0.5 ms of CPU), so the channel's fetch.min.bytes and fetch.max.wait.ms
     * decide how many there are: about one per fetch.max.wait.ms unless fetch.min.bytes arrive sooner, not one per
     * append of device-adapter's producer as with Kafka's defaults (application.properties has the values and why).
     */
    private final Counter batches;
    private boolean warnedWrapped;

    public ReadingConsumer(AlarmEngine engine, HistoryStore history, AlarmOutbox outbox,
                           MeterRegistry metrics, @Identifier(ReadingOffsets.STRATEGY) ReadingOffsets offsets,
                           WarningConfig config) {
        this.engine = engine;
        this.offsets = offsets;
        this.history = history;
        this.outbox = outbox;
        this.metrics = metrics;
        this.maxPending = config.history().maxPendingSamples();
        this.batches = Counter.builder("safetyhub_warning_reading_batches_total")
                .description("polled batches of readings taken; readings_total over this is readings per batch")
                .register(metrics);
        Gauge.builder("safetyhub_warning_history_pending_samples", history, HistoryStore::pendingSamples)
                .description("readings held in memory until their history bucket is stored").register(metrics);
        Gauge.builder("safetyhub_warning_history_open_buckets", history, HistoryStore::openBuckets)
                .description("history buckets gathered in memory, not yet sealed").register(metrics);
        Gauge.builder("safetyhub_warning_history_waiting_batches", history, HistoryStore::waitingBatches)
                .description("polled batches not yet acknowledged because buckets they fed are not stored, once per "
                        + "partition").register(metrics);
        Gauge.builder("safetyhub_warning_history_sample_memory_bytes", history, HistoryStore::sampleBytesInUse)
                .tag("state", "in-use")
                .description(SAMPLE_MEMORY_HELP).register(metrics);
        Gauge.builder("safetyhub_warning_history_sample_memory_bytes", history, HistoryStore::sampleBytesReserved)
                .tag("state", "reserved")
                .description(SAMPLE_MEMORY_HELP).register(metrics);
    }

    @Incoming("readings")
    @Blocking
    public CompletionStage<Void> consume(Message<List<Reading>> batch) {
        BatchAck ack = acknowledgement(batch);
        batches.increment();
        List<CompletableFuture<Void>> relayed = new ArrayList<>();
        // Counted per kind once a batch: a registry lookup per reading was a measurable share of the hot path.
        Map<String, Integer> perKind = new HashMap<>();
        for (Part part : parts(batch)) {
            Reading reading = part.reading();
            if (reading == null) {
                continue; // undeserialisable record, already logged by the deserializer
            }
            List<AlarmChange> changes = engine.onReading(reading);
            if (!changes.isEmpty()) {
                relayed.add(outbox.relayAsync(changes)); // sent now, not after the rest of the batch
            }
            history.add(reading, part.partition(), ack);
            perKind.merge(String.valueOf(reading.deviceKind()), 1, Integer::sum);
        }
        if (!relayed.isEmpty()) {
            ack.hold();
            CompletableFuture.allOf(relayed.toArray(CompletableFuture[]::new)).whenComplete((v, failure) -> {
                if (failure == null) {
                    ack.release();
                } else {
                    ack.fail(failure);
                }
            });
        }
        ack.close();
        perKind.forEach((kind, n) -> metrics.counter("safetyhub_warning_readings_total", "kind", kind).increment(n));
        awaitRoom();
        return CompletableFuture.completedFuture(null);
    }

    /** One reading with the partition it came from (-1 when the message is not Kafka's, e.g. in a test). */
    private record Part(Reading reading, int partition) {
    }

    private static List<Part> parts(Message<List<Reading>> batch) {
        if (batch instanceof KafkaRecordBatch<?, ?> records) {
            List<Part> parts = new ArrayList<>(records.getRecords().size());
            for (KafkaRecord<?, ?> r : records.getRecords()) {
                parts.add(new Part(r.getPayload() instanceof Reading reading ? reading : null, r.getPartition()));
            }
            return parts;
        }
        List<Part> parts = new ArrayList<>(batch.getPayload().size());
        batch.getPayload().forEach(r -> parts.add(new Part(r, -1)));
        return parts;
    }

    /**
     * The batch's acknowledgement, keeping only what acknowledging it needs, not the batch and its payload, which a
     * bucket's minute plus grace would otherwise pin in memory: where the channel commits through
     * {@link ReadingOffsets}, its last offset per partition; otherwise (another commit strategy) its last record per
     * partition (acknowledging those is what acknowledging a Kafka batch does).
     */
    private BatchAck acknowledgement(Message<List<Reading>> batch) {
        if (batch instanceof KafkaRecordBatch<?, ?> records && offsets.active()) {
            ReadingOffsets.Batch positions = offsets.of(records);
            return new BatchAck(positions::ack, positions::fail);
        }
        List<Message<?>> toAck = new ArrayList<>();
        if (batch instanceof KafkaRecordBatch<?, ?> records) {
            toAck.addAll(records.getLatestOffsetRecords().values());
        } else {
            if (batch.getMetadata(IncomingKafkaRecordBatchMetadata.class).isPresent() && !warnedWrapped) {
                warnedWrapped = true;
                LOG.warn("readings arrive as a wrapped batch, not a KafkaRecordBatch: each batch is held whole until"
                        + " its history is stored (more memory)");
            }
            toAck.add(batch);
        }
        return new BatchAck(() -> toAck.forEach(Message::ack), failure -> {
            LOG.errorf("a batch of readings could not be made durable and is refused: %s", failure.getMessage());
            toAck.forEach(m -> m.nack(failure));
        });
    }

    private void awaitRoom() {
        try {
            while (!history.awaitRoom(maxPending, Duration.ofSeconds(10))) {
                LOG.warnf("%d readings wait for their history buckets to be stored (more than %d): consuming waits",
                        history.pendingSamples(), maxPending);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
