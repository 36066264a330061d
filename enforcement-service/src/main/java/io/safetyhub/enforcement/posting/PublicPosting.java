package io.safetyhub.enforcement.posting;

import java.time.LocalDate;

/** A posted decision as the public sees it; personal data was masked when the posting was made. */
public record PublicPosting(String id, String decisionNumber, String enterpriseName, String district, String violation,
                            String article, String facts, String party, long amount, LocalDate decidedOn,
                            LocalDate postedOn) {

    static PublicPosting of(Posting p) {
        return new PublicPosting(p.id(), p.decisionNumber(), p.enterpriseName(), p.district(), p.violationTitle(),
                p.article(), p.facts(), p.party(), p.amount(), p.decidedOn(), p.postedOn());
    }
}
