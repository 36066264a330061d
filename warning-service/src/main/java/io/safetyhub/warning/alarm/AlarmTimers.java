package io.safetyhub.warning.alarm;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;

/** The alarm engine's clock-driven work: stale devices and the background write of open alarms' values. */
@ApplicationScoped
public class AlarmTimers {
    private final AlarmEngine engine;
    private final AlarmStore store;
    private final AlarmOutbox outbox;

    public AlarmTimers(AlarmEngine engine, AlarmStore store, AlarmOutbox outbox) {
        this.engine = engine;
        this.store = store;
        this.outbox = outbox;
    }

    /** Every second, so that an offline alarm comes on time even when no reading arrives at all. */
    @Scheduled(every = "1s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void checkStaleDevices() {
        outbox.relay(engine.checkStale());
    }

    /** Writes the value updates the engine kept in memory ({@link AlarmStore#touch}). */
    @Scheduled(every = "1s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void flushValues() {
        store.flush();
    }
}
