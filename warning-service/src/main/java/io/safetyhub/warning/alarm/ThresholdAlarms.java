package io.safetyhub.warning.alarm;

import io.safetyhub.events.AlarmEvent;
import io.safetyhub.events.AlarmLevel;
import io.safetyhub.events.Reading;
import io.safetyhub.warning.rule.Rule;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * One rule's threshold alarm of one device, for the {@link AlarmEngine}: raised after the rule's minimum duration at the
 * most severe step reached, raised further when the value worsens (and to level I when two detectors of one hazard
 * source are at level II), never lowered by a better value, cleared only when the value stays beyond the dead-band for
 * the minimum duration. Debounce and clearing are timed on the readings' source time. Called only by the engine with
 * the store's monitor held, which also guards this class's pending timings.
 */
final class ThresholdAlarms {
    /** The engine's category: "alarm ... raised" lines stay where operators look for them. */
    private static final Logger LOG = Logger.getLogger(AlarmEngine.class);

    private final AlarmStore store;
    private final Shelves shelves;
    private final Clock clock;
    /** Device+rule slot -> source time the condition was first reached (raising) or left (clearing). */
    private final Map<String, Instant> raisePending = new HashMap<>();
    private final Map<String, Instant> clearPending = new HashMap<>();

    ThresholdAlarms(AlarmStore store, Shelves shelves, Clock clock) {
        this.store = store;
        this.shelves = shelves;
        this.clock = clock;
    }

    /** Forgets the pending debounce and clearing of the slots matching {@code handedOver}. */
    void forget(Predicate<String> handedOver) {
        raisePending.keySet().removeIf(handedOver);
        clearPending.keySet().removeIf(handedOver);
    }

    void apply(Rule rule, Reading r, double value, List<AlarmChange> changes) {
        String slot = r.deviceId() + "|" + rule.id();
        Instant ts = r.sourceTimestamp();
        Instant watermark = store.watermark(slot);
        if (watermark != null && !ts.isAfter(watermark)) {
            return; // a replay, or older than what this device's alarms already reflect
        }
        Alarm open = store.open(slot).orElse(null);
        var reached = rule.evaluate(value);
        if (open == null) {
            if (reached.isEmpty()) {
                raisePending.remove(slot);
                return;
            }
            Instant since = raisePending.computeIfAbsent(slot, k -> ts);
            if (Duration.between(since, ts).compareTo(rule.minDuration()) < 0) {
                return; // debounce: not yet held long enough
            }
            raisePending.remove(slot);
            Rule.Step step = reached.get();
            Instant now = clock.instant();
            Alarm alarm = new Alarm(Alarm.idFor(r.deviceId(), rule.id(), ts), r.deviceId(), r.deviceKind(),
                    r.enterpriseId(), r.hazardSourceId(), rule.id(), r.metric(), AlarmEvent.Kind.THRESHOLD,
                    step.level(), AlarmEvent.Status.ACTIVE, value, value, unit(rule, r), step.threshold(), ts, now, ts,
                    r.idempotencyKey(), message(rule, step, value, unit(rule, r)),
                    shelves.isShelved(r.deviceId(), r.enterpriseId(), now), 0, now, null,
                    List.of(new Alarm.Transition("RAISE", null, AlarmEvent.Status.ACTIVE, AlarmEngine.SYSTEM, now,
                            null)));
            if (store.insert(alarm)) {
                LOG.infof("alarm %s raised at level %s (%s %.2f)", alarm.id(), step.level().roman(), r.metric(), value);
                changes.add(new AlarmChange(alarm, AlarmEvent.Change.RAISED));
                twoDetectorsRule(rule, alarm, changes);
            }
            return;
        }
        if (reached.isPresent() && reached.get().level().isMoreSevereThan(open.level())) {
            clearPending.remove(slot);
            Alarm worse = open.worsened(reached.get().level(), reached.get().threshold(), value, clock.instant(), ts,
                    r.idempotencyKey(), message(rule, reached.get(), value, unit(rule, r)));
            store.save(worse, AlarmEvent.Change.LEVEL_RAISED);
            changes.add(new AlarmChange(worse, AlarmEvent.Change.LEVEL_RAISED));
            twoDetectorsRule(rule, worse, changes);
            return;
        }
        Alarm updated = open.updatedValue(value, clock.instant(), ts, r.idempotencyKey());
        if (rule.clears(value)) {
            Instant since = clearPending.computeIfAbsent(slot, k -> ts);
            if (Duration.between(since, ts).compareTo(rule.minDuration()) >= 0) {
                clearPending.remove(slot);
                String note = "value " + value + (rule.comparison() == Rule.Comparison.HIGH ? " below " : " above ")
                        + rule.firstStep().threshold() + " beyond dead-band " + rule.deadBand();
                Alarm cleared = updated.moved(AlarmStateMachine.Action.CLEAR.name(),
                        AlarmStateMachine.next(updated.status(), AlarmStateMachine.Action.CLEAR), AlarmEngine.SYSTEM,
                        clock.instant(), note, null);
                store.save(cleared, AlarmEvent.Change.CLEARED);
                changes.add(new AlarmChange(cleared, AlarmEvent.Change.CLEARED));
                return;
            }
        } else {
            clearPending.remove(slot);
        }
        store.touch(updated);
    }

    /** GB/T 50493-2019: second-level alarms on two or more detectors of one hazard source make level I. */
    private void twoDetectorsRule(Rule rule, Alarm alarm, List<AlarmChange> changes) {
        if (!rule.redOnTwoDetectors() || alarm.hazardSourceId() == null
                || AlarmLevel.ORANGE.isMoreSevereThan(alarm.level())) {
            return;
        }
        List<Alarm> peers = store.openAlarms().stream()
                .filter(a -> a.ruleId().equals(rule.id()) && alarm.hazardSourceId().equals(a.hazardSourceId())
                        && !AlarmLevel.ORANGE.isMoreSevereThan(a.level()))
                .toList();
        if (peers.stream().map(Alarm::deviceId).distinct().count() < 2) {
            return;
        }
        for (Alarm peer : peers) {
            if (peer.level() != AlarmLevel.RED) {
                Alarm red = peer.worsened(AlarmLevel.RED, peer.threshold(), peer.value(), clock.instant(),
                        peer.lastReadingAt(), peer.triggerKey(), "level I: " + peers.size()
                                + " detectors of hazard source " + alarm.hazardSourceId() + " at level II or above");
                store.save(red, AlarmEvent.Change.LEVEL_RAISED);
                changes.removeIf(c -> c.alarm().id().equals(red.id()));
                changes.add(new AlarmChange(red, AlarmEvent.Change.LEVEL_RAISED));
            }
        }
    }

    private static String unit(Rule rule, Reading r) {
        return rule.scale() == Rule.Scale.PERCENT_OEL ? "%OEL" : r.unit();
    }

    private static String message(Rule rule, Rule.Step step, double value, String unit) {
        return String.format("%s %.2f %s reached level %s threshold %.2f (%s)", rule.metric(), value,
                unit == null ? "" : unit, step.level().roman(), step.threshold(), rule.source());
    }
}
