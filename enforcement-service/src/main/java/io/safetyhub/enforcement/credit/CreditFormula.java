package io.safetyhub.enforcement.credit;

import io.safetyhub.enforcement.config.CreditConfig;

import java.time.Instant;
import java.util.List;

/**
 * The credit score (信易+安全) as a pure function of an enterprise's ledger:
 * <pre>
 * score = clamp(base + Σ points of the entries of the last {@code window}, 0, base)
 * points: PENALTY −(penalty + penaltyPer10k × ⌊fine / 10,000⌋), at most −penaltyCap; PENALTY_REVOKED gives that back;
 *         RECTIFIED_ON_TIME +rectifiedOnTime; NOT_RECTIFIED −notRectified; MAJOR_HAZARD_LISTED −majorHazardListed;
 *         SLOW_ALARM_ACKNOWLEDGEMENT −slowAlarmAcknowledgement; COMMITMENT_MISSED −commitmentMissed;
 *         DUTY_OVERDUE −dutyOverdue; REPORT_FOUNDED −reportFounded
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
        };
    }

    private static int penalty(long fine, CreditConfig.Weights w) {
        long extra = Math.max(0, fine) / 10_000 * w.penaltyPer10k();
        return (int) Math.min(w.penaltyCap(), w.penalty() + extra);
    }

    /** The score at {@code now}: entries older than the window no longer count. */
    public static int score(List<Entry> entries, Instant now, CreditConfig s) {
        Instant from = now.minus(s.window());
        long sum = s.base();
        for (Entry e : entries) {
            if (e.at().isAfter(from) && !e.at().isAfter(now)) {
                sum += e.points();
            }
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
