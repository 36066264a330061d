package io.safetyhub.warning.escalation;

import io.safetyhub.events.AlarmEvent;
import io.safetyhub.events.AlarmLevel;
import io.safetyhub.warning.alarm.Alarm;
import io.safetyhub.warning.alarm.AlarmChange;
import io.safetyhub.warning.alarm.AlarmStore;
import io.safetyhub.warning.alarm.Escalation;
import io.safetyhub.warning.alarm.AlarmMapper;
import io.safetyhub.warning.config.WarningConfig;
import io.safetyhub.warning.oncall.DutyLookup;
import io.safetyhub.warning.oncall.OnDuty;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * An alarm still unacknowledged when its level's deadline passes goes one step up: enterprise, then the town
 * regulator, then the district regulator, who is re-notified every deadline until someone acknowledges. Each
 * escalation is timed at its deadline boundary ({@link #escalatedAt}) and records who was on duty at the town or the
 * district that day (emergency-service's rota, {@link DutyLookup}); the channels address the same people.
 */
@ApplicationScoped
public class Escalator {
    public static final int LAST_STAGE = Escalation.LAST_STAGE;

    private final AlarmStore store;
    private final WarningConfig.Escalation deadlines;
    private final Set<AlarmLevel> clearedStillEscalate;
    private final Clock clock;
    private final DutyLookup onCall;

    @Inject
    public Escalator(AlarmStore store, WarningConfig config, Clock clock, DutyLookup onCall) {
        this.store = store;
        this.deadlines = config.escalation();
        this.clearedStillEscalate = Set.copyOf(config.escalation().clearedStillEscalate());
        this.clock = clock;
        this.onCall = onCall;
    }

    /** Without a duty rota: the configured recipient groups only (plain unit tests). */
    public Escalator(AlarmStore store, WarningConfig config, Clock clock) {
        this(store, config, clock, DutyLookup.NONE);
    }

    public Duration deadline(AlarmLevel level) {
        return switch (level) {
            case RED -> deadlines.red();
            case ORANGE -> deadlines.orange();
            case YELLOW -> deadlines.yellow();
            case BLUE -> deadlines.blue();
        };
    }

    /**
     * Escalates every alarm whose deadline has passed; returns the changes for the outbox to relay. An alarm that
     * cleared before anyone acknowledged it goes on up to the district if its level is one of
     * {@code warning.escalation.cleared-still-escalate} (a cleared level-I alarm nobody saw is still a finding), and
     * is not re-notified there: the condition is gone, the finding is on record.
     */
    public List<AlarmChange> escalateDue() {
        List<AlarmChange> changes = new ArrayList<>();
        synchronized (store) {
            Instant now = clock.instant();
            for (Alarm a : store.openAlarms()) {
                if (a.status() == AlarmEvent.Status.ACTIVE && !a.suppressed()) {
                    escalateIfDue(a, now, changes);
                }
            }
            for (Alarm a : store.clearedUnacknowledged()) {
                if (a.suppressed() || !clearedStillEscalate.contains(a.level())) {
                    store.settled(a.id()); // nothing for this timer to do (the store lets go at the last stage itself)
                } else {
                    escalateIfDue(a, now, changes);
                }
            }
        }
        return changes;
    }

    private void escalateIfDue(Alarm a, Instant now, List<AlarmChange> changes) {
        Duration deadline = deadline(a.level());
        Instant due = a.lastNotifiedAt().plus(deadline);
        if (now.isBefore(due)) {
            return;
        }
        int stage = Math.min(a.escalationStage() + 1, LAST_STAGE);
        Instant at = escalatedAt(due, deadline, now);
        String onDuty = onCall.onDuty(AlarmMapper.audience(stage), a.enterpriseId(), at).map(OnDuty::summary)
                .orElse(null);
        Alarm up = Escalation.escalate(a, stage, at, onDuty);
        store.save(up, AlarmEvent.Change.ESCALATED);
        changes.add(new AlarmChange(up, AlarmEvent.Change.ESCALATED));
    }

    /**
     * When an escalation due at {@code due} happens: the latest deadline boundary not after {@code now}, not the
     * moment this timer ran. A function of the stored alarm and the deadline period, so that the replica taking over
     * a killed owner's partition decides the same escalation, with the same time, as the owner had published before
     * its write was stored, and the outbox recognises it on the alarm topic ({@code TopicEchoes}) instead of sending
     * it twice. Whole periods missed (the service was down) are skipped, not replayed one by one; the next deadline
     * runs from the boundary, so re-notifications keep their cadence instead of drifting by a timer tick each time.
     */
    static Instant escalatedAt(Instant due, Duration deadline, Instant now) {
        if (deadline.isZero() || deadline.isNegative()) {
            return now;
        }
        long periods = Duration.between(due, now).toMillis() / deadline.toMillis();
        return due.plus(deadline.multipliedBy(periods));
    }
}
