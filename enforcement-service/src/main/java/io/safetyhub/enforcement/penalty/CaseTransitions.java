package io.safetyhub.enforcement.penalty;

import io.safetyhub.platform.Caller;
import io.safetyhub.platform.rest.DomainException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Validator;

import java.util.Set;

/**
 * {@code POST /api/enforcement/cases/{id}/transitions}: picks the fields the target state's step takes, checks them
 * with that step's own constraints (so a missing {@code amount} for DECIDED is 400 naming {@code amount}), and hands
 * the step to {@link PenaltyCaseService}, which checks the move itself (409) and the legal rules.
 */
@ApplicationScoped
public class CaseTransitions {
    private final PenaltyCaseService service;
    private final Validator validator;

    public CaseTransitions(PenaltyCaseService service, Validator validator) {
        this.service = service;
        this.validator = validator;
    }

    public PenaltyCase apply(Caller caller, String id, CaseRequests.Transition t) {
        return switch (t.to()) {
            case FILED -> throw DomainException.field("INVALID_TRANSITION", "to",
                    "a case is filed with POST /api/enforcement/cases, not moved back to FILED");
            case NOTIFIED -> service.notify(caller, id, valid(new CaseRequests.Notice(t.proposedAmount(), t.note())));
            case REVIEWED -> service.review(caller, id, valid(new CaseRequests.Review(t.approved(), t.opinion())));
            case DECIDED -> service.decide(caller, id,
                    valid(new CaseRequests.Decide(t.decisionNumber(), t.amount(), t.decidedOn())));
            case EXECUTED -> service.execute(caller, id,
                    valid(new CaseRequests.Execute(t.paidOn(), t.receiptNumber(), t.note())));
            case CLOSED -> service.close(caller, id, valid(new CaseRequests.Reason(t.reason())).reason().strip());
            case REVOKED -> service.revoke(caller, id, valid(new CaseRequests.Reason(t.reason())).reason().strip());
        };
    }

    private <T> T valid(T step) {
        Set<ConstraintViolation<T>> violations = validator.validate(step);
        if (!violations.isEmpty()) {
            throw new ConstraintViolationException(violations);
        }
        return step;
    }
}
