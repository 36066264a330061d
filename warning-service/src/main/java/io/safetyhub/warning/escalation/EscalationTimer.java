package io.safetyhub.warning.escalation;

import io.quarkus.scheduler.Scheduled;
import io.safetyhub.warning.alarm.AlarmOutbox;
import jakarta.enterprise.context.ApplicationScoped;

/** Looks for alarms past their acknowledge deadline every second and relays what escalated. */
@ApplicationScoped
public class EscalationTimer {
    private final Escalator escalator;
    private final AlarmOutbox outbox;

    public EscalationTimer(Escalator escalator, AlarmOutbox outbox) {
        this.escalator = escalator;
        this.outbox = outbox;
    }

    @Scheduled(every = "1s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void escalateDue() {
        outbox.relay(escalator.escalateDue());
    }
}
