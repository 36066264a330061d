package io.safetyhub.warning.alarm;

import io.safetyhub.events.AlarmEvent;
import io.safetyhub.events.AlarmLevel;
import io.safetyhub.events.DeviceStatus;
import io.safetyhub.events.Quality;
import io.safetyhub.events.Reading;
import io.safetyhub.warning.config.WarningConfig;
import io.safetyhub.warning.rule.DeviceDirectory;
import io.safetyhub.warning.rule.Rule;
import io.safetyhub.warning.rule.RuleBook;
import io.safetyhub.warning.rule.StandardDefaults;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;

/**
 * Turns readings and device status into alarm changes: one open alarm per device and rule. Threshold alarms (debounce,
 * worsening, dead-band, the two-detector rule) are decided by {@link ThresholdAlarms}, on the readings' source time
 * (replays behave alike); faults, offline devices and alarms without a threshold here; staleness on this service's
 * clock, by a timer.
 */
@ApplicationScoped
public class AlarmEngine implements DeviceDirectory {
    private static final Logger LOG = Logger.getLogger(AlarmEngine.class);
    static final String SYSTEM = "system";

    private record Seen(String enterpriseId, String deviceKind, Instant at) {
    }

    private final RuleBook rules;
    private final AlarmStore store;
    private final Shelves shelves;
    private final Clock clock;
    private final Duration maxSkew;
    /** Devices whose last reading was dated beyond the skew: logged once when they start, once when they stop. */
    private final Set<String> aheadDevices = new HashSet<>();
    private final ThresholdAlarms thresholds;
    private final Map<String, Seen> lastSeen = new HashMap<>();

    public AlarmEngine(RuleBook rules, AlarmStore store, Shelves shelves, Clock clock, WarningConfig config) {
        this.rules = rules;
        this.store = store;
        this.shelves = shelves;
        this.clock = clock;
        this.maxSkew = config.engine().maxClockSkew();
        this.thresholds = new ThresholdAlarms(store, shelves, clock);
    }

    @Override
    public Optional<String> enterpriseOf(String deviceId) {
        synchronized (store) {
            Seen seen = lastSeen.get(deviceId);
            return seen == null ? Optional.empty() : Optional.ofNullable(seen.enterpriseId());
        }
    }

    public List<AlarmChange> onReading(Reading reading) {
        List<AlarmChange> changes = new ArrayList<>();
        synchronized (store) {
            if (!store.owns(reading.deviceId())) {
                return changes; // its partition moved away mid-batch: the next owner replays the reading
            }
            Reading r = believable(reading);
            lastSeen.put(r.deviceId(), new Seen(r.enterpriseId(), r.deviceKind(), clock.instant()));
            clearCondition(r.deviceId() + "|" + StandardDefaults.OFFLINE, "device reported again", changes);
            if (r.quality() == Quality.BAD) {
                raiseBlue(r, StandardDefaults.FAULT, AlarmEvent.Kind.FAULT, r.deviceId() + " reports "
                        + r.metric() + " with quality BAD (GB 15322.1: fault)", changes);
                return changes;
            }
            store.open(r.deviceId() + "|" + StandardDefaults.FAULT).filter(f -> f.metric().equals(r.metric()))
                    .ifPresent(f -> clearCondition(f.slot(), "quality " + r.quality() + " again", changes));
            if (!Double.isFinite(r.value())) {
                return changes;
            }
            for (Rule rule : rules.rulesFor(r.metric(), r.deviceKind(), r.enterpriseId(), r.deviceId())) {
                OptionalDouble v = rules.defaults().measure(rule, r.value(), r.gas());
                if (v.isPresent()) {
                    thresholds.apply(rule, r, v.getAsDouble(), changes);
                }
            }
        }
        return changes;
    }

    public List<AlarmChange> onStatus(DeviceStatus s) {
        List<AlarmChange> changes = new ArrayList<>();
        synchronized (store) {
            if (!store.owns(s.deviceId())) {
                return changes; // every replica reads the statuses; the device's owner applies them
            }
            if (s.online()) {
                lastSeen.put(s.deviceId(), new Seen(s.enterpriseId(), s.deviceKind(), clock.instant()));
                clearCondition(s.deviceId() + "|" + StandardDefaults.OFFLINE, "device online (" + s.cause() + ")", changes);
            } else {
                lastSeen.remove(s.deviceId());
                Instant at = s.lastSeenAt() != null ? s.lastSeenAt() : s.occurredAt();
                raiseOffline(s.deviceId(), s.enterpriseId(), s.deviceKind(), at, "device offline (" + s.cause() + ")",
                        changes);
            }
        }
        return changes;
    }

    /**
     * The reading as the engine may time it: a source time more than the skew ahead of this service's clock is not
     * believed (a device clock running ahead, or a forged date) and the reading is timed at its arrival instead. Its
     * value still counts (a real gas reading from a device with a wrong clock must raise), but it can never push the
     * device's watermark into the future, where every later real reading would look like a replay.
     */
    private Reading believable(Reading r) {
        Instant now = clock.instant();
        if (!r.sourceTimestamp().isAfter(now.plus(maxSkew))) {
            if (!aheadDevices.isEmpty() && aheadDevices.remove(r.deviceId())) {
                LOG.infof("device %s dates its readings within %s of this service's clock again", r.deviceId(), maxSkew);
            }
            return r;
        }
        if (aheadDevices.add(r.deviceId())) {
            LOG.warnf("device %s (enterprise %s) dates its readings %s ahead of this service's clock (more than %s):"
                    + " they are timed at arrival until its clock is corrected", r.deviceId(), r.enterpriseId(),
                    Duration.between(now, r.sourceTimestamp()), maxSkew);
        }
        return new Reading(r.eventId(), r.occurredAt(), r.source(), r.deviceId(), r.enterpriseId(), r.deviceKind(),
                r.hazardSourceId(), r.metric(), r.value(), r.unit(), r.gas(), now, r.receivedAt(), r.quality());
    }

    /**
     * Forgets what this engine kept about the devices of partitions handed over (pending debounce and clearing, when
     * each was last heard from): the next owner times them from its own readings.
     */
    public void release(Set<Integer> partitions, int count) {
        if (count <= 0 || partitions.isEmpty()) {
            return;
        }
        synchronized (store) {
            thresholds.forget(slot -> partitions.contains(KeyPartition.of(deviceOf(slot), count)));
            lastSeen.keySet().removeIf(device -> partitions.contains(KeyPartition.of(device, count)));
            aheadDevices.removeIf(device -> partitions.contains(KeyPartition.of(device, count)));
        }
    }

    private static String deviceOf(String slot) {
        int bar = slot.indexOf('|');
        return bar < 0 ? slot : slot.substring(0, bar);
    }

    /** The timer's work: a device silent for three publishing intervals is offline, reading or not. */
    public List<AlarmChange> checkStale() {
        List<AlarmChange> changes = new ArrayList<>();
        Duration limit = rules.defaults().offlineAfter();
        synchronized (store) {
            Instant now = clock.instant();
            // Once a second over every device seen, under the store's lock: one comparison each (a stream and a
            // Duration per device were most of a replica's garbage at rest).
            Instant cutoff = now.minus(limit);
            List<String> silent = new ArrayList<>();
            for (Map.Entry<String, Seen> e : lastSeen.entrySet()) {
                if (e.getValue().at().isBefore(cutoff)) {
                    silent.add(e.getKey());
                }
            }
            for (String device : silent) {
                Seen seen = lastSeen.remove(device);
                raiseOffline(device, seen.enterpriseId(), seen.deviceKind(), seen.at(),
                        "no data for " + Duration.between(seen.at(), now).toSeconds() + " s (more than 3 publishing"
                                + " intervals, 总局令40号)", changes);
            }
            // A missing daily commitment stops being a live condition when its day is over (a new day, a new one);
            // so does an overdue 包保 duty check, a notice about a past period.
            for (Alarm a : store.openAlarms()) {
                boolean notice = StandardDefaults.COMMITMENT.equals(a.ruleId())
                        || StandardDefaults.DUTY.equals(a.ruleId());
                if (notice && now.isAfter(a.raisedAt().plus(Duration.ofDays(1)))) {
                    clearCondition(a.slot(), "the day of the commitment is over", changes);
                }
            }
        }
        return changes;
    }

    private void raiseBlue(Reading r, String ruleId, AlarmEvent.Kind kind, String message, List<AlarmChange> out) {
        if (store.open(r.deviceId() + "|" + ruleId).isPresent()) {
            return;
        }
        raise(r.deviceId(), r.enterpriseId(), r.deviceKind(), ruleId, r.metric(), kind, r.sourceTimestamp(), message,
                out);
    }

    private void raiseOffline(String device, String enterprise, String kind, Instant at, String message,
                              List<AlarmChange> out) {
        if (store.open(device + "|" + StandardDefaults.OFFLINE).isEmpty()) {
            raise(device, enterprise, kind, StandardDefaults.OFFLINE, null, AlarmEvent.Kind.OFFLINE, at, message, out);
        }
    }

    /** Raises a level IV blue alarm that has no threshold (offline, fault, missing commitment). */
    public void raise(String device, String enterprise, String kind, String ruleId, String metric,
                      AlarmEvent.Kind alarmKind, Instant at, String message, List<AlarmChange> out) {
        synchronized (store) {
            if (!store.owns(Ownership.deviceless(alarmKind) ? enterprise : device)) {
                return; // another replica owns it
            }
            Instant now = clock.instant();
            Alarm alarm = new Alarm(Alarm.idFor(device, ruleId, at), device, kind, enterprise, null, ruleId, metric,
                    alarmKind, AlarmLevel.BLUE, AlarmEvent.Status.ACTIVE, 0, 0, null, 0, at, now, at, null, message,
                    shelves.isShelved(device, enterprise, now), 0, now, null,
                    List.of(new Alarm.Transition("RAISE", null, AlarmEvent.Status.ACTIVE, SYSTEM, now, message)));
            if (store.insert(alarm)) {
                LOG.infof("alarm %s raised: %s", alarm.id(), message);
                out.add(new AlarmChange(alarm, AlarmEvent.Change.RAISED));
            }
        }
    }

    private void clearCondition(String slot, String why, List<AlarmChange> out) {
        store.open(slot).ifPresent(a -> {
            Alarm cleared = moved(a, AlarmStateMachine.Action.CLEAR, why);
            store.save(cleared, AlarmEvent.Change.CLEARED);
            out.add(new AlarmChange(cleared, AlarmEvent.Change.CLEARED));
        });
    }

    private Alarm moved(Alarm a, AlarmStateMachine.Action action, String note) {
        return a.moved(action.name(), AlarmStateMachine.next(a.status(), action), SYSTEM, clock.instant(), note, null);
    }
}
