package io.safetyhub.warning.verification;

import io.safetyhub.events.AlarmLevel;

import java.time.Instant;
import java.util.List;

/**
 * The regulator's check (核查) of how an enterprise disposed of a closed level I or II alarm: the national monitoring
 * system's collect → push → feedback loop. Kept beside the alarm, not in it, so that the alarm's owner, which writes
 * the alarm behind, never overwrites a decision made on another replica.
 *
 * @param closedAt   when the enterprise closed the alarm (the clock of "time to verify")
 * @param cause      the disposal's cause as last submitted (LifecycleRequests.Cause name)
 * @param verifiedAt when a regulator accepted the disposal; null until then
 * @param steps      every submission and decision, in order (audit)
 */
public record Verification(String alarmId, String enterpriseId, AlarmLevel level, Instant closedAt, String cause,
                           Status status, Instant verifiedAt, List<Step> steps) {

    public enum Status { PENDING, ACCEPTED, RETURNED }

    public enum Action { SUBMITTED, ACCEPTED, RETURNED, RESUBMITTED }

    /** One submission by the enterprise or decision by a regulator. */
    public record Step(Action action, String by, Instant at, String note, String cause) {
    }

    public Verification {
        steps = List.copyOf(steps);
    }
}
