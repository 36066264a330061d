package io.safetyhub.warning.alarm;

import io.safetyhub.events.AlarmEvent;
import io.safetyhub.events.DeviceEvent;
import io.safetyhub.warning.config.WarningConfig;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Applies what a device reports about itself ({@link DeviceEventRules}) to the alarms, under the store's monitor like
 * the engine. Idempotent: an alarm's id is its device, rule and the event's source time, and an event not newer than
 * what the device's slot already reflects (its watermark) is a replay and changes nothing. Source times beyond
 * {@code warning.engine.max-clock-skew} are taken as the arrival time, as for readings.
 */
@ApplicationScoped
public class DeviceEventHandler {
    private static final Logger LOG = Logger.getLogger(DeviceEventHandler.class);
    private static final String DEVICE = "device";

    private final AlarmStore store;
    private final Shelves shelves;
    private final Clock clock;
    private final Duration maxSkew;

    public DeviceEventHandler(AlarmStore store, Shelves shelves, Clock clock, WarningConfig config) {
        this.store = store;
        this.shelves = shelves;
        this.clock = clock;
        this.maxSkew = config.engine().maxClockSkew();
    }

    public List<AlarmChange> onEvent(DeviceEvent e) {
        List<AlarmChange> changes = new ArrayList<>();
        synchronized (store) {
            if (!store.owns(e.deviceId())) {
                return changes; // every replica reads the device events; the device's owner applies them
            }
            Instant now = clock.instant();
            Instant ts = e.sourceTimestamp().isAfter(now.plus(maxSkew)) ? now : e.sourceTimestamp();
            DeviceEventRules.Decision d = DeviceEventRules.decide(e.event(), e.level());
            switch (d.action()) {
                case RAISE -> raise(e, d, ts, now, changes);
                case CLEAR -> DeviceEventRules.RAISED_BY_DEVICE.forEach(rule -> clear(e, rule, ts, now, changes));
                case RECORD -> record(e, ts, now);
            }
        }
        return changes;
    }

    private void raise(DeviceEvent e, DeviceEventRules.Decision d, Instant ts, Instant now, List<AlarmChange> out) {
        String slot = e.deviceId() + "|" + d.ruleId();
        if (replayed(slot, ts)) {
            return;
        }
        String message = e.deviceId() + " reports " + e.event() + (e.detail() == null ? "" : " (" + e.detail() + ")")
                + ": level " + d.level().roman() + " (" + d.source() + ")";
        Alarm open = store.open(slot).orElse(null);
        if (open != null) {
            if (d.level().isMoreSevereThan(open.level())) {
                Alarm worse = open.worsened(d.level(), 0, 0, now, ts, e.idempotencyKey(), message);
                store.save(worse, AlarmEvent.Change.LEVEL_RAISED);
                out.add(new AlarmChange(worse, AlarmEvent.Change.LEVEL_RAISED));
            } else {
                store.touch(open.updatedValue(open.value(), now, ts, e.idempotencyKey()));
            }
            return;
        }
        Alarm alarm = new Alarm(Alarm.idFor(e.deviceId(), d.ruleId(), ts), e.deviceId(), e.deviceKind(),
                e.enterpriseId(), e.hazardSourceId(), d.ruleId(), null, d.kind(), d.level(), AlarmEvent.Status.ACTIVE,
                0, 0, null, 0, ts, now, ts, e.idempotencyKey(), message, shelves.isShelved(e.deviceId(),
                e.enterpriseId(), now), 0, now, null,
                List.of(new Alarm.Transition("RAISE", null, AlarmEvent.Status.ACTIVE, DEVICE, now, message)));
        if (store.insert(alarm)) {
            LOG.infof("alarm %s raised by the device: %s", alarm.id(), message);
            out.add(new AlarmChange(alarm, AlarmEvent.Change.RAISED));
        }
    }

    private void clear(DeviceEvent e, String rule, Instant ts, Instant now, List<AlarmChange> out) {
        String slot = e.deviceId() + "|" + rule;
        if (replayed(slot, ts)) {
            return;
        }
        store.open(slot).ifPresent(open -> {
            Alarm cleared = open.updatedValue(open.value(), now, ts, e.idempotencyKey()).moved(
                    AlarmStateMachine.Action.CLEAR.name(),
                    AlarmStateMachine.next(open.status(), AlarmStateMachine.Action.CLEAR), DEVICE, now,
                    "the device reports it recovered" + (e.detail() == null ? "" : " (" + e.detail() + ")"), null);
            store.save(cleared, AlarmEvent.Change.CLEARED);
            out.add(new AlarmChange(cleared, AlarmEvent.Change.CLEARED));
        });
    }

    /** The valve closing is written into the trail of each of the device's open alarms; no event is published. */
    private void record(DeviceEvent e, Instant ts, Instant now) {
        String note = "valve closed at " + ts + (e.detail() == null ? "" : " (" + e.detail() + ")");
        List<Alarm> open = store.openAlarms().stream().filter(a -> a.deviceId().equals(e.deviceId())).toList();
        if (open.isEmpty()) {
            LOG.infof("device %s reports its valve closed with no open alarm to record it on", e.deviceId());
        }
        for (Alarm a : open) {
            if (a.trail().stream().noneMatch(t -> "VALVE_CLOSED".equals(t.action()) && note.equals(t.note()))) {
                store.touch(a.moved("VALVE_CLOSED", a.status(), DEVICE, now, note, null));
            }
        }
    }

    private boolean replayed(String slot, Instant ts) {
        Instant watermark = store.watermark(slot);
        return watermark != null && !ts.isAfter(watermark);
    }
}
