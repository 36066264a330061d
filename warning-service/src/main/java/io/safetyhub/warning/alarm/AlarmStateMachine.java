package io.safetyhub.warning.alarm;

import io.safetyhub.events.AlarmEvent.Status;
import io.safetyhub.platform.rest.DomainException;

/**
 * The alarm life of domain.md, in one place:
 * ACTIVE -ack-> ACKNOWLEDGED -clear-> CLEARED -close-> CLOSED, and
 * ACTIVE -clear-> CLEARED_UNACKNOWLEDGED -ack-> CLEARED (a cleared alarm must still be acknowledged).
 */
public final class AlarmStateMachine {

    public enum Action { ACKNOWLEDGE, CLEAR, CLOSE }

    private AlarmStateMachine() {
    }

    /** The status after the action, or 409 ILLEGAL_TRANSITION when the action is not allowed from here. */
    public static Status next(Status from, Action action) {
        Status to = switch (action) {
            case ACKNOWLEDGE -> switch (from) {
                case ACTIVE -> Status.ACKNOWLEDGED;
                case CLEARED_UNACKNOWLEDGED -> Status.CLEARED;
                default -> null;
            };
            case CLEAR -> switch (from) {
                case ACTIVE -> Status.CLEARED_UNACKNOWLEDGED;
                case ACKNOWLEDGED -> Status.CLEARED;
                default -> null;
            };
            case CLOSE -> from == Status.CLEARED ? Status.CLOSED : null;
        };
        if (to == null) {
            throw DomainException.conflict("ILLEGAL_TRANSITION", "an alarm in status " + from + " cannot take action "
                    + action + (action == Action.CLOSE ? ": it must be cleared and acknowledged first" : ""));
        }
        return to;
    }
}
