package io.safetyhub.warning.escalation;

import io.safetyhub.events.AlarmEvent;
import io.safetyhub.events.AlarmLevel;
import io.safetyhub.warning.alarm.Alarm;
import io.safetyhub.warning.alarm.AlarmChange;
import io.safetyhub.warning.alarm.AlarmStore;
import io.safetyhub.warning.alarm.Escalation;
import io.safetyhub.warning.config.WarningConfig;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * An alarm still unacknowledged when its level's deadline passes goes one step up: enterprise, then the town
 * regulator, then the district regulator, who is re-notified every deadline until someone acknowledges.
 */
@ApplicationScoped
public class Escalator {
    public static final int LAST_STAGE = 2;

    private final AlarmStore store;
    private final WarningConfig.Escalation deadlines;
    private final Clock clock;

    public Escalator(AlarmStore store, WarningConfig config, Clock clock) {
        this.store = store;
        this.deadlines = config.escalation();
        this.clock = clock;
    }

    public Duration deadline(AlarmLevel level) {
        return switch (level) {
            case RED -> deadlines.red();
            case ORANGE -> deadlines.orange();
            case YELLOW -> deadlines.yellow();
            case BLUE -> deadlines.blue();
        };
    }

    /** Escalates every alarm whose deadline has passed; returns the changes for the outbox to relay. */
    public List<AlarmChange> escalateDue() {
        List<AlarmChange> changes = new ArrayList<>();
        synchronized (store) {
            Instant now = clock.instant();
            for (Alarm a : store.openAlarms()) {
                if (a.status() != AlarmEvent.Status.ACTIVE || a.suppressed()) {
                    continue;
                }
                if (!now.isBefore(a.lastNotifiedAt().plus(deadline(a.level())))) {
                    Alarm up = Escalation.escalate(a, Math.min(a.escalationStage() + 1, LAST_STAGE), now);
                    store.save(up, AlarmEvent.Change.ESCALATED);
                    changes.add(new AlarmChange(up, AlarmEvent.Change.ESCALATED));
                }
            }
        }
        return changes;
    }
}
