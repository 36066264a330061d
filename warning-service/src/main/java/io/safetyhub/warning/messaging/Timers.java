package io.safetyhub.warning.messaging;

import io.quarkus.scheduler.Scheduled;
import io.safetyhub.warning.alarm.AlarmEngine;
import io.safetyhub.warning.alarm.AlarmStore;
import io.safetyhub.warning.escalation.Escalator;
import io.safetyhub.warning.history.HistoryStore;
import io.safetyhub.warning.notify.AlarmDispatcher;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

/** The clock-driven work: stale devices, escalation, value flushes and history retention. */
@ApplicationScoped
public class Timers {
    private static final Logger LOG = Logger.getLogger(Timers.class);

    private final AlarmEngine engine;
    private final Escalator escalator;
    private final AlarmStore store;
    private final HistoryStore history;
    private final AlarmDispatcher dispatcher;
    private final ReadingConsumer readings;

    public Timers(AlarmEngine engine, Escalator escalator, AlarmStore store, HistoryStore history,
                  AlarmDispatcher dispatcher, ReadingConsumer readings) {
        this.engine = engine;
        this.escalator = escalator;
        this.store = store;
        this.history = history;
        this.dispatcher = dispatcher;
        this.readings = readings;
    }

    /** Writes the readings gathered since the last time and lets their batches be committed. */
    @Scheduled(every = "1s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void flushHistory() {
        readings.flushAndAcknowledge();
    }

    /** Runs every second so that an offline alarm comes on time even when no reading arrives at all. */
    @Scheduled(every = "1s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void everySecond() {
        dispatcher.dispatch(engine.checkStale());
        dispatcher.dispatch(escalator.escalateDue());
        store.flush();
    }

    @Scheduled(every = "1h", delayed = "1m")
    void purgeHistory() {
        LOG.infof("purged %d expired history buckets", history.purge());
    }
}
