package io.safetyhub.enforcement.credit;

import io.safetyhub.enforcement.config.CreditConfig;

import java.time.Instant;
import java.util.List;

/**
 * The credit score (信易+安全) as a pure function of an enterprise's ledger:
 * <pre>
 * score = clamp(base + Σ points of the entries of the last {@code window} + points of the latest CERTIFICATE_RATE
 *               − noDrill when no DRILL_HELD lies in the window (once the window starts after drillsRecordedSince), 0, base)
 * points: PENALTY −(penalty + penaltyPer10k × ⌊fine / 10,000⌋), at most −penaltyCap; PENALTY_REVOKED gives that back;
 *         RECTIFIED_ON_TIME +rectifiedOnTime; NOT_RECTIFIED −notRectified; MAJOR_HAZARD_LISTED −majorHazardListed;
 *         SLOW_ALARM_ACKNOWLEDGEMENT −slowAlarmAcknowledgement; COMMITMENT_MISSED −commitmentMissed;
 *         DUTY_OVERDUE −dutyOverdue; REPORT_FOUNDED −reportFounded;
 *         CERTIFICATE_RATE −certificateRateLow when the rate is below certificateRateAtLeast, else 0 (no one required: 0);
 *         DRILL_HELD +drillHeld; MAJOR_HAZARD_OVERDUE −majorHazardOverdue
 * grade:  A ≥ grades.a, B ≥ grades.b, C ≥ grades.c, else D
 * </pre>
 * Every weight is a setting ({@code enforcement.credit.*}).
 */
public final class CreditFormula {
    private CreditFormula() {
    }

    /** One ledger entry as the formula sees it. */
    public record Entry(CreditCause cause, int points, Instant at) {
    }

    /** The points one event is worth, signed: negative takes points off. {@code fine} in yuan, for penalties. */
    public static int points(CreditCause cause, long fine, CreditConfig.Weights w) {
        return switch (cause) {
            case PENALTY -> -penalty(fine, w);
            case PENALTY_REVOKED -> penalty(fine, w);
            case RECTIFIED_ON_TIME -> w.rectifiedOnTime();
            case NOT_RECTIFIED -> -w.notRectified();
            case MAJOR_HAZARD_LISTED -> -w.majorHazardListed();
            case SLOW_ALARM_ACKNOWLEDGEMENT -> -w.slowAlarmAcknowledgement();
            case COMMITMENT_MISSED -> -w.commitmentMissed();
            case DUTY_OVERDUE -> -w.dutyOverdue();
            case REPORT_FOUNDED -> -w.reportFounded();
            case DRILL_HELD -> w.drillHeld();
            case MAJOR_HAZARD_OVERDUE -> -w.majorHazardOverdue();
            case CERTIFICATE_RATE -> throw new IllegalArgumentException("a certificate rate is weighed by certificateRate(rate)");
        };
    }

    /** The points of a certificate rate (percent; null when nobody in the three posts is required to hold one). */
    public static int certificateRate(Double rate, CreditConfig.Weights w) {
        return rate != null && rate < w.certificateRateAtLeast() ? -w.certificateRateLow() : 0;
    }

    /**
     * Whether "no drill in the window" costs at {@code now}: only once the whole window lies after the day drills began
     * to be recorded, and only when no drill held falls in it (第三十三条: at least one a year).
     */
    public static boolean drillMissing(List<Entry> entries, Instant now, CreditConfig s) {
        Instant from = now.minus(s.window());
        Instant recordedSince = s.weights().drillsRecordedSince().atStartOfDay(java.time.ZoneOffset.UTC).toInstant();
        if (from.isBefore(recordedSince)) {
            return false;
        }
        return entries.stream().noneMatch(e -> e.cause() == CreditCause.DRILL_HELD && e.at().isAfter(from) && !e.at().isAfter(now));
    }

    private static int penalty(long fine, CreditConfig.Weights w) {
        long extra = Math.max(0, fine) / 10_000 * w.penaltyPer10k();
        return (int) Math.min(w.penaltyCap(), w.penalty() + extra);
    }

    /** The score at {@code now}: entries older than the window no longer count, a standing one counts while it stands. */
    public static int score(List<Entry> entries, Instant now, CreditConfig s) {
        Instant from = now.minus(s.window());
        long sum = s.base();
        for (Entry e : entries) {
            if (e.cause().standing() || e.at().isAfter(from) && !e.at().isAfter(now)) {
                sum += e.points();
            }
        }
        if (drillMissing(entries, now, s)) {
            sum -= s.weights().noDrill();
        }
        return (int) Math.max(0, Math.min(s.base(), sum));
    }

    public static CreditGrade grade(int score, CreditConfig.Grades g) {
        if (score >= g.a()) {
            return CreditGrade.A;
        }
        if (score >= g.b()) {
            return CreditGrade.B;
        }
        return score >= g.c() ? CreditGrade.C : CreditGrade.D;
    }

    /** What the draw multiplies an enterprise's risk-colour weight by; an enterprise with no standing counts as A. */
    public static int drawFactor(CreditGrade grade, CreditConfig.DrawFactors f) {
        if (grade == null) {
            return f.a();
        }
        return switch (grade) {
            case A -> f.a();
            case B -> f.b();
            case C -> f.c();
            case D -> f.d();
        };
    }
}
