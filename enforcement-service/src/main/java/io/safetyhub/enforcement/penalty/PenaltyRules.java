package io.safetyhub.enforcement.penalty;

import io.safetyhub.platform.rest.DomainException;

/** The rules a fine must keep, as plain functions of the numbers. */
public final class PenaltyRules {
    private PenaltyRules() {
    }

    /** 行政处罚法 第五条 (过罚相当) and the article itself: the amount lies within the article's range. */
    public static void requireWithinRange(String field, long amount, Violation v) {
        if (amount < v.fineMin() || amount > v.fineMax()) {
            throw DomainException.field("AMOUNT_OUT_OF_RANGE", field, amount + " yuan is outside " + v.article()
                    + " (" + v.fineMin() + " to " + v.fineMax() + " yuan)");
        }
    }

    /** 重大执法决定法制审核: a fine above the threshold is decided only after the legal review. */
    public static boolean legalReviewRequired(long amount, long threshold) {
        return amount > threshold;
    }

    /** 行政处罚法 第四十五条: the decision may not be heavier than the penalty the party was notified of. */
    public static void requireNotAboveNotice(long decided, long notified) {
        if (decided > notified) {
            throw DomainException.field("amount", decided + " yuan is more than the " + notified
                    + " yuan the party was notified of (行政处罚法 第四十五条: 不得因当事人陈述、申辩而给予更重的处罚)");
        }
    }

    /** 法制审核 is done by someone other than the case handler. */
    public static void requireIndependentReviewer(String reviewer, String handler) {
        if (reviewer.equals(handler)) {
            throw DomainException.forbidden("the legal review (法制审核) must be done by someone other than the case handler " + handler);
        }
    }
}
