package io.safetyhub.enforcement.report;

import io.safetyhub.enforcement.config.ReportsConfig;

/**
 * The reward for a founded report (安全生产领域举报奖励办法, 安监总财〔2018〕19号, 第十一条), in whole yuan:
 * <ul>
 *   <li>(一) a hazard or violation that led to a fine: 15 % of the fine, at least ¥3,000, at most ¥300,000;</li>
 *   <li>(二) a concealed or falsely reported accident (瞒报、谎报): per concealed death ¥30,000 / 40,000 / 50,000 /
 *       60,000 for a 一般 / 较大 / 重大 / 特别重大 accident, at most ¥300,000;</li>
 *   <li>an enterprise's own staff (内部举报人) get {@code internalBonus} more, still within the most.</li>
 * </ul>
 * Amounts are rounded to the yuan (half up) before the bounds apply.
 */
public final class RewardRules {
    private RewardRules() {
    }

    /** Accident grades of 国务院令第493号, as the reward rules name them. */
    public enum AccidentGrade { GENERAL, LARGER, MAJOR, GRAVEST }

    /** The reward for a report whose fine was {@code fine} yuan; 0 when nothing was fined. */
    public static long forFine(long fine, boolean internal, ReportsConfig.Reward r) {
        if (fine <= 0) {
            return 0;
        }
        long share = Math.round(fine * r.fineShare());
        return bounded(Math.max(r.minimum(), bonus(share, internal, r)), r);
    }

    /** The reward for a report of an accident concealed or falsely reported with {@code deaths} concealed deaths. */
    public static long forConcealedAccident(AccidentGrade grade, int deaths, boolean internal, ReportsConfig.Reward r) {
        if (deaths <= 0) {
            return 0;
        }
        long perDeath = switch (grade) {
            case GENERAL -> r.perDeathGeneral();
            case LARGER -> r.perDeathLarger();
            case MAJOR -> r.perDeathMajor();
            case GRAVEST -> r.perDeathGravest();
        };
        return bounded(bonus(perDeath * deaths, internal, r), r);
    }

    private static long bonus(long amount, boolean internal, ReportsConfig.Reward r) {
        return internal ? Math.round(amount * (1 + r.internalBonus())) : amount;
    }

    private static long bounded(long amount, ReportsConfig.Reward r) {
        return Math.min(r.maximum(), amount);
    }
}
