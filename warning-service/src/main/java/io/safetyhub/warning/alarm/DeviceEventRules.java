package io.safetyhub.warning.alarm;

import io.safetyhub.events.AlarmEvent;
import io.safetyhub.events.AlarmLevel;
import io.safetyhub.events.DeviceEvent;

import java.util.List;

/**
 * The decision table for what a device reports about itself on {@code device.events.v1} (issue 14 item 6). Each row
 * names the regulation it follows. A device event raises an alarm of its own rule (one open alarm per device and
 * rule, like a threshold rule), so that the device's {@code RECOVERED} clears exactly what the device raised and
 * never an alarm the platform raised from readings.
 */
public final class DeviceEventRules {
    /** The device's own alarm flag, at the level it reports. */
    public static final String DEVICE_ALARM = "device-alarm";
    /** A fault the device reports about itself. */
    public static final String DEVICE_FAULT = "device-fault";
    /** A crane limiter cutting off a movement. */
    public static final String LIMITER_CUTOFF = "device-limiter-cutoff";
    /** The rules a device's RECOVERED clears. */
    public static final List<String> RAISED_BY_DEVICE = List.of(DEVICE_ALARM, DEVICE_FAULT, LIMITER_CUTOFF);

    public enum Action { RAISE, CLEAR, RECORD }

    /**
     * @param ruleId for RAISE, the rule whose slot the alarm takes
     * @param source the regulation or standard the row follows
     */
    public record Decision(Action action, String ruleId, AlarmLevel level, AlarmEvent.Kind kind, String source) {
    }

    private DeviceEventRules() {
    }

    public static Decision decide(DeviceEvent.Type type, AlarmLevel reported) {
        return switch (type) {
            // A detector's fault signal (故障信号) is a level IV blue fault alarm, as a reading of quality BAD is.
            case FAULT -> new Decision(Action.RAISE, DEVICE_FAULT, AlarmLevel.BLUE, AlarmEvent.Kind.FAULT,
                    "GB 15322.1-2019 / GB 16808-2008 (fault signal)");
            // The device sounded its own alarm at its own set points: the level it reports. A flag without a grade is
            // the first alarm level of GB/T 50493-2019 §5.5, III yellow (the device said "alarm", not which).
            case ALARM -> new Decision(Action.RAISE, DEVICE_ALARM, reported != null ? reported : AlarmLevel.YELLOW,
                    AlarmEvent.Kind.THRESHOLD, "GB/T 50493-2019 §5.5 (the device's own alarm set points)");
            // A limiter only cuts off when the crane reached its rated limit: level II, as 100 % of the rated load.
            case LIMITER_CUTOFF -> new Decision(Action.RAISE, LIMITER_CUTOFF, AlarmLevel.ORANGE,
                    AlarmEvent.Kind.THRESHOLD, "GB 5144-2006 6.1.2, JGJ 332-2014 (limiter cut-off)");
            // The shut-off valve closing is the disposal of the open alarm, recorded on it (GB/T 50493-2019 linkage).
            case VALVE_CLOSED -> new Decision(Action.RECORD, null, null, null,
                    "GB/T 50493-2019 (linked shut-off valve)");
            // The device is back to normal: what it raised itself is over; the platform's own alarms clear by readings.
            case RECOVERED -> new Decision(Action.CLEAR, null, null, null, "the device's own recovery signal");
        };
    }
}
