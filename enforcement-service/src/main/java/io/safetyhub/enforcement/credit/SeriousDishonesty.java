package io.safetyhub.enforcement.credit;

import io.safetyhub.enforcement.config.CreditConfig;

import java.time.Instant;
import java.util.List;

/**
 * The 严重失信 list (安全生产严重失信主体名单管理办法, 应急管理部令第11号) as a pure function of the ledger, so that it is
 * recomputed like the score and never drifts from it.
 * <ul>
 *   <li>Entry: a major hazard not rectified under listed supervision (重大事故隐患拒不整改); a single fine of at least
 *       {@code listing.fine-at-least}; or a score below {@code listing.score-below}.</li>
 *   <li>Exit: {@code listing.period} (管理期限 3 年) after the latest entry event; or early (信用修复), once
 *       {@code listing.early-exit-after} (1 年) has passed since it and the score is back at grade B or better.</li>
 * </ul>
 */
public final class SeriousDishonesty {
    private SeriousDishonesty() {
    }

    /** A ledger entry as the list sees it: the fine in yuan for penalties, else 0. */
    public record Event(CreditCause cause, long fine, Instant at) {
    }

    /** Whether the enterprise is listed at {@code now}, since when and until when at the latest, and why. */
    public record Standing(boolean listed, Instant since, Instant until, String reason) {
        static Standing notListed() {
            return new Standing(false, null, null, null);
        }
    }

    public static Standing at(List<Event> events, int score, Instant now, CreditConfig s) {
        CreditConfig.Listing l = s.listing();
        Instant latest = null;
        String reason = null;
        for (Event e : events) {
            String why = entryReason(e, l);
            if (why != null && !e.at().isAfter(now) && (latest == null || e.at().isAfter(latest))) {
                latest = e.at();
                reason = why;
            }
        }
        if (score < l.scoreBelow()) {
            return new Standing(true, latest == null ? now : latest, null, "score " + score + " below " + l.scoreBelow());
        }
        if (latest == null || !now.isBefore(latest.plus(l.period()))) {
            return Standing.notListed();
        }
        boolean repaired = !now.isBefore(latest.plus(l.earlyExitAfter()))
                && CreditFormula.grade(score, s.grades()).compareTo(CreditGrade.B) <= 0;
        return repaired ? Standing.notListed() : new Standing(true, latest, latest.plus(l.period()), reason);
    }

    private static String entryReason(Event e, CreditConfig.Listing l) {
        if (e.cause() == CreditCause.MAJOR_HAZARD_LISTED) {
            return "major hazard not rectified (挂牌督办)";
        }
        if (e.cause() == CreditCause.PENALTY && e.fine() >= l.fineAtLeast()) {
            return "fine of " + e.fine() + " yuan";
        }
        return null;
    }
}
