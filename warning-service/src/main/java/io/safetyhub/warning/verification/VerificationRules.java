package io.safetyhub.warning.verification;

import io.safetyhub.platform.rest.DomainException;
import io.safetyhub.warning.alarm.Alarm;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * What may happen to a verification, and the figures over many: plain Java, tested as plain JUnit. A closed alarm
 * waits for a regulator (PENDING); accepted, it is done; returned (with a note saying what is missing), the
 * enterprise submits its disposal again and it waits again.
 */
public final class VerificationRules {
    private VerificationRules() {
    }

    /** The verification a closed alarm opens. */
    public static Verification opened(Alarm closed) {
        Instant at = closed.updatedAt();
        return new Verification(closed.id(), closed.enterpriseId(), closed.level(), at, closed.closeCause(),
                Verification.Status.PENDING, null, List.of(new Verification.Step(Verification.Action.SUBMITTED,
                lastBy(closed), at, lastNote(closed), closed.closeCause())));
    }

    /** A regulator's decision; returning needs a note (what the enterprise must do). */
    public static Verification decide(Verification v, boolean accept, String note, String by, Instant at) {
        if (v.status() != Verification.Status.PENDING) {
            throw DomainException.conflict("NOT_PENDING", "the disposal of alarm " + v.alarmId() + " is "
                    + v.status() + ": only a pending disposal is verified");
        }
        if (!accept && (note == null || note.isBlank())) {
            throw DomainException.field("note", "say what the enterprise must do again when returning a disposal");
        }
        Verification.Action action = accept ? Verification.Action.ACCEPTED : Verification.Action.RETURNED;
        return new Verification(v.alarmId(), v.enterpriseId(), v.level(), v.closedAt(), v.cause(),
                accept ? Verification.Status.ACCEPTED : Verification.Status.RETURNED, accept ? at : null,
                append(v.steps(), new Verification.Step(action, by, at, note, null)));
    }

    /** The enterprise's disposal submitted again after it was returned. */
    public static Verification resubmit(Verification v, String cause, String note, String by, Instant at) {
        if (v.status() != Verification.Status.RETURNED) {
            throw DomainException.conflict("NOT_RETURNED", "the disposal of alarm " + v.alarmId() + " is "
                    + v.status() + ": only a returned disposal is submitted again");
        }
        return new Verification(v.alarmId(), v.enterpriseId(), v.level(), v.closedAt(), cause,
                Verification.Status.PENDING, null,
                append(v.steps(), new Verification.Step(Verification.Action.RESUBMITTED, by, at, note, cause)));
    }

    /**
     * The figures of verifications opened in a period: how many, how many accepted, returned at least once, still
     * pending; the share accepted; median and 90th percentile of the time from closing to acceptance.
     */
    public static VerificationStats stats(Collection<Verification> opened) {
        List<Long> minutes = new ArrayList<>();
        int accepted = 0;
        int pending = 0;
        int returnedOnce = 0;
        for (Verification v : opened) {
            if (v.status() == Verification.Status.ACCEPTED) {
                accepted++;
                minutes.add(Duration.between(v.closedAt(), v.verifiedAt()).toMinutes());
            } else if (v.status() == Verification.Status.PENDING) {
                pending++;
            }
            if (v.steps().stream().anyMatch(s -> s.action() == Verification.Action.RETURNED)) {
                returnedOnce++;
            }
        }
        minutes.sort(Long::compare);
        int total = opened.size();
        return new VerificationStats(total, accepted, returnedOnce, pending,
                total == 0 ? null : Math.round(1000.0 * accepted / total) / 10.0,
                percentile(minutes, 50), percentile(minutes, 90));
    }

    /** Nearest-rank percentile, null for none. */
    static Long percentile(List<Long> sorted, int p) {
        if (sorted.isEmpty()) {
            return null;
        }
        int rank = (int) Math.ceil(p / 100.0 * sorted.size());
        return sorted.get(Math.max(0, rank - 1));
    }

    private static List<Verification.Step> append(List<Verification.Step> steps, Verification.Step step) {
        List<Verification.Step> out = new ArrayList<>(steps);
        out.add(step);
        return out;
    }

    private static String lastBy(Alarm a) {
        return a.trail().isEmpty() ? null : a.trail().get(a.trail().size() - 1).by();
    }

    private static String lastNote(Alarm a) {
        return a.trail().isEmpty() ? null : a.trail().get(a.trail().size() - 1).note();
    }
}
