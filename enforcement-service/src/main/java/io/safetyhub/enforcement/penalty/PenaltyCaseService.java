package io.safetyhub.enforcement.penalty;

import io.safetyhub.enforcement.audit.AuditLog;
import io.safetyhub.enforcement.common.Scope;
import io.safetyhub.enforcement.common.Today;
import io.safetyhub.enforcement.config.EnforcementConfig;
import io.safetyhub.enforcement.credit.CreditCause;
import io.safetyhub.enforcement.credit.CreditLedger;
import io.safetyhub.enforcement.finding.Finding;
import io.safetyhub.enforcement.finding.FindingRepository;
import io.safetyhub.enforcement.inspection.Inspection;
import io.safetyhub.enforcement.inspection.InspectionService;
import io.safetyhub.enforcement.posting.PostingService;
import io.safetyhub.enforcement.roster.RosterEnterprise;
import io.safetyhub.enforcement.roster.RosterRepository;
import io.safetyhub.platform.Caller;
import io.safetyhub.platform.rest.DomainException;
import jakarta.enterprise.context.ApplicationScoped;
import org.bson.Document;
import org.jboss.logging.Logger;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** Penalty cases from filing to closing; each step checks its rules before it writes anything. */
@ApplicationScoped
public class PenaltyCaseService {
    private static final Logger LOG = Logger.getLogger(PenaltyCaseService.class);

    private final CaseRepository cases;
    private final ViolationRepository violations;
    private final DecisionNumbers numbers;
    private final RosterRepository roster;
    private final InspectionService inspections;
    private final FindingRepository findings;
    private final PostingService postings;
    private final EnforcementConfig config;
    private final AuditLog audit;
    private final Today today;
    private final CreditLedger credit;

    public PenaltyCaseService(
            CaseRepository cases,
            ViolationRepository violations,
            DecisionNumbers numbers,
            RosterRepository roster,
            InspectionService inspections,
            FindingRepository findings,
            PostingService postings,
            EnforcementConfig config,
            AuditLog audit,
            Today today,
            CreditLedger credit) {
        this.cases = cases;
        this.violations = violations;
        this.numbers = numbers;
        this.roster = roster;
        this.inspections = inspections;
        this.findings = findings;
        this.postings = postings;
        this.config = config;
        this.audit = audit;
        this.today = today;
        this.credit = credit;
    }

    public PenaltyCase file(Caller caller, CaseRequests.File r) {
        Scope.requireRegulator(caller);
        RosterEnterprise e = roster.byId(r.enterpriseId()).filter(x -> Scope.sees(caller, x.id(), x.district(), x.town()))
                .orElseThrow(() -> DomainException.field("enterpriseId", r.enterpriseId() + " is not an enterprise of your area"));
        Violation v = violations.byCode(r.violationCode())
                .orElseThrow(() -> DomainException.field("violationCode", "'" + r.violationCode() + "' is not in the catalogue"));
        List<String> findingIds = r.findingIds() == null ? List.of() : r.findingIds();
        if (r.inspectionId() != null && !r.inspectionId().isBlank()) {
            Inspection i = inspections.get(caller, r.inspectionId());
            if (!i.enterpriseId().equals(e.id())) {
                throw DomainException.field("inspectionId", "is an inspection of another enterprise");
            }
            for (int n = 0; n < findingIds.size(); n++) {
                String id = findingIds.get(n);
                if (findings.byId(id).map(Finding::inspectionId).filter(i.id()::equals).isEmpty()) {
                    throw DomainException.field("findingIds[" + n + "]", "'" + id + "' is not a finding of " + i.id());
                }
            }
        } else if (!findingIds.isEmpty()) {
            throw DomainException.field("inspectionId", "must be given with findingIds");
        }
        PenaltyCase c = new PenaltyCase("ca-" + UUID.randomUUID().toString().substring(0, 8), e.id(), e.name(), e.district(),
                e.town(), blank(r.inspectionId()), findingIds, v, r.facts().strip(), blank(r.party()), CaseStatus.FILED,
                null, null, null, null, null, null, null, caller.subject(), today.now());
        cases.insert(c);
        audit(caller, c, "FILED", null, CaseStatus.FILED, v.article());
        return c;
    }

    public PenaltyCase get(Caller caller, String id) {
        PenaltyCase c = cases.byId(id).orElseThrow(() -> DomainException.notFound("case", id));
        Scope.requireVisible(caller, c.enterpriseId(), c.district(), c.town(), "case", id);
        return caller.confinedEnterprise() != null ? c.forEnterprise() : c;
    }

    public PenaltyCase notify(Caller caller, String id, CaseRequests.Notice r) {
        PenaltyCase c = actOn(caller, id, CaseStatus.NOTIFIED);
        PenaltyRules.requireWithinRange("proposedAmount", r.proposedAmount(), c.violation());
        move(caller, c, CaseStatus.NOTIFIED, new Document("proposedAmount", r.proposedAmount())
                .append("notifiedOn", today.date().toString()), "proposed " + r.proposedAmount() + " yuan"
                + (r.note() == null ? "" : "; " + r.note()));
        return get(caller, id);
    }

    public PenaltyCase review(Caller caller, String id, CaseRequests.Review r) {
        PenaltyCase c = actOn(caller, id, CaseStatus.REVIEWED);
        PenaltyRules.requireIndependentReviewer(caller.subject(), c.filedBy());
        PenaltyCase.Review review = new PenaltyCase.Review(caller.subject(), r.approved(), r.opinion().strip(), today.now());
        if (!r.approved()) {
            // Not approved: the case stays NOTIFIED (to be corrected and reviewed again); the opinion is kept.
            cases.move(id, CaseStatus.NOTIFIED, CaseStatus.NOTIFIED, new Document("review", cases.embedded(review)));
            audit(caller, c, "REVIEW_REJECTED", CaseStatus.NOTIFIED, CaseStatus.NOTIFIED, review.opinion());
            return get(caller, id);
        }
        move(caller, c, CaseStatus.REVIEWED, new Document("review", cases.embedded(review)), review.opinion());
        return get(caller, id);
    }

    public PenaltyCase decide(Caller caller, String id, CaseRequests.Decide r) {
        PenaltyCase c = actOn(caller, id, CaseStatus.DECIDED);
        PenaltyRules.requireWithinRange("amount", r.amount(), c.violation());
        PenaltyRules.requireNotAboveNotice(r.amount(), c.proposedAmount());
        if (c.status() != CaseStatus.REVIEWED && PenaltyRules.legalReviewRequired(r.amount(), config.penalty().legalReviewAbove())) {
            throw DomainException.conflict("LEGAL_REVIEW_REQUIRED", "a fine above " + config.penalty().legalReviewAbove()
                    + " yuan is decided only after the legal review (法制审核)");
        }
        LocalDate decidedOn = r.decidedOn() == null ? today.date() : r.decidedOn();
        if (decidedOn.isAfter(today.date()) || c.notifiedOn() != null && decidedOn.isBefore(c.notifiedOn())) {
            throw DomainException.field("decidedOn", "must lie between the notice and today");
        }
        String number = r.decisionNumber().strip();
        numbers.reserve(id, c.district(), decidedOn.getYear(), number);
        PenaltyCase.Decision decision = new PenaltyCase.Decision(number, decidedOn.getYear(), r.amount(), decidedOn, caller.subject());
        if (!cases.move(id, c.status(), CaseStatus.DECIDED, new Document("decision", cases.embedded(decision)))) {
            numbers.release(id);
            throw DomainException.conflict("INVALID_TRANSITION", "case " + id + " changed meanwhile; nothing was decided");
        }
        audit(caller, c, "DECIDED", c.status(), CaseStatus.DECIDED, number + ", " + r.amount() + " yuan");
        PenaltyCase decided = get(caller, id);
        postings.schedule(caller, decided);
        credit.enter("case:" + id, c.enterpriseId(), CreditCause.PENALTY, r.amount(), today.now(), "decision " + number);
        LOG.infof("case %s decided as %s: %d yuan against %s", id, number, r.amount(), c.enterpriseId());
        return decided;
    }

    public PenaltyCase execute(Caller caller, String id, CaseRequests.Execute r) {
        PenaltyCase c = actOn(caller, id, CaseStatus.EXECUTED);
        if (r.paidOn().isAfter(today.date()) || r.paidOn().isBefore(c.decision().decidedOn())) {
            throw DomainException.field("paidOn", "must lie between the decision and today");
        }
        PenaltyCase.Execution execution = new PenaltyCase.Execution(r.paidOn(), r.receiptNumber().strip(), blank(r.note()));
        move(caller, c, CaseStatus.EXECUTED, new Document("execution", cases.embedded(execution)), "receipt " + execution.receiptNumber());
        return get(caller, id);
    }

    public PenaltyCase close(Caller caller, String id, String reason) {
        PenaltyCase c = actOn(caller, id, CaseStatus.CLOSED);
        move(caller, c, CaseStatus.CLOSED, new Document("closedOn", today.date().toString()), reason);
        return get(caller, id);
    }

    /** 撤销: the decision is revoked (e.g. on administrative reconsideration); its public posting is withdrawn. */
    public PenaltyCase revoke(Caller caller, String id, String reason) {
        PenaltyCase c = actOn(caller, id, CaseStatus.REVOKED);
        PenaltyCase.Revocation revocation = new PenaltyCase.Revocation(reason, caller.subject(), today.now());
        move(caller, c, CaseStatus.REVOKED, new Document("revocation", cases.embedded(revocation)), reason);
        postings.withdraw(caller, id, reason);
        if (c.decision() != null) {
            credit.enter("revoked:case:" + id, c.enterpriseId(), CreditCause.PENALTY_REVOKED, c.decision().amount(),
                    today.now(), "decision " + c.decision().number() + " revoked: " + reason);
        }
        return get(caller, id);
    }

    /** A case the caller (a regulator of its area) may move to {@code to} from where it stands. */
    private PenaltyCase actOn(Caller caller, String id, CaseStatus to) {
        Scope.requireRegulator(caller);
        PenaltyCase c = get(caller, id);
        c.status().requireMoveTo(to);
        return c;
    }

    private void move(Caller caller, PenaltyCase c, CaseStatus to, Document set, String why) {
        if (!cases.move(c.id(), c.status(), to, set)) {
            throw DomainException.conflict("INVALID_TRANSITION", "case " + c.id() + " changed meanwhile; try again");
        }
        audit(caller, c, to.name(), c.status(), to, why);
    }

    private void audit(Caller caller, PenaltyCase c, String action, CaseStatus from, CaseStatus to, String why) {
        audit.record(caller, subject(c), action, from == null ? null : from.name(), to.name(), why);
    }

    static AuditLog.Subject subject(PenaltyCase c) {
        return c.inspectionId() == null ? AuditLog.Subject.of("CASE", c.id(), c.enterpriseId(), c.district(), c.town())
                : AuditLog.Subject.of("CASE", c.id(), c.enterpriseId(), c.district(), c.town(), c.inspectionId());
    }

    private static String blank(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
