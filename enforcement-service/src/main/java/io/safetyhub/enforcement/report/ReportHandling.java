package io.safetyhub.enforcement.report;

import io.safetyhub.enforcement.audit.AuditLog;
import io.safetyhub.enforcement.common.Scope;
import io.safetyhub.enforcement.common.Today;
import io.safetyhub.enforcement.config.EnforcementConfig;
import io.safetyhub.enforcement.config.ReportsConfig;
import io.safetyhub.enforcement.credit.CreditCause;
import io.safetyhub.enforcement.credit.CreditLedger;
import io.safetyhub.enforcement.inspection.Inspection;
import io.safetyhub.enforcement.inspection.InspectionService;
import io.safetyhub.enforcement.penalty.CaseStatus;
import io.safetyhub.enforcement.penalty.PenaltyCase;
import io.safetyhub.enforcement.penalty.PenaltyCaseService;
import io.safetyhub.enforcement.roster.RosterEnterprise;
import io.safetyhub.enforcement.roster.RosterRepository;
import io.safetyhub.platform.Caller;
import io.safetyhub.platform.rest.DomainException;
import jakarta.enterprise.context.ApplicationScoped;
import org.bson.Document;
import org.jboss.logging.Logger;

import java.util.Set;

/**
 * The handlers' steps (举报受理、核查、处理、奖励): triage, verification by an inspection, outcome, reward. Only a
 * regulator of the report's area holding the {@code report-handler} role acts; after triage only the handler who
 * took it. A founded report about an enterprise enters its credit ledger.
 */
@ApplicationScoped
public class ReportHandling {
    public static final String ROLE = "report-handler";
    private static final Logger LOG = Logger.getLogger(ReportHandling.class);
    private static final Set<CaseStatus> DECIDED = Set.of(CaseStatus.DECIDED, CaseStatus.EXECUTED, CaseStatus.CLOSED);

    private final ReportRepository reports;
    private final ReporterVault vault;
    private final RosterRepository roster;
    private final InspectionService inspections;
    private final PenaltyCaseService cases;
    private final CreditLedger credit;
    private final EnforcementConfig config;
    private final AuditLog audit;
    private final Today today;

    public ReportHandling(
            ReportRepository reports,
            ReporterVault vault,
            RosterRepository roster,
            InspectionService inspections,
            PenaltyCaseService cases,
            CreditLedger credit,
            EnforcementConfig config,
            AuditLog audit,
            Today today) {
        this.reports = reports;
        this.vault = vault;
        this.roster = roster;
        this.inspections = inspections;
        this.cases = cases;
        this.credit = credit;
        this.config = config;
        this.audit = audit;
        this.today = today;
    }

    /** A report of the caller's area; 404 for one outside it. */
    public Report get(Caller caller, String id) {
        Report r = reports.byId(id).orElseThrow(() -> DomainException.notFound("report", id));
        if (!caller.operator() && !(caller.regulator() && caller.sees(r.enterpriseId(), r.district(), r.town(), null))) {
            throw DomainException.notFound("report", id);
        }
        return r;
    }

    public Report triage(Caller caller, boolean handler, String id, ReportRequests.Triage t) {
        Report r = actOn(caller, handler, id, t.accept() ? ReportStatus.ACCEPTED : ReportStatus.REJECTED, false);
        Document set = new Document("handler", caller.subject()).append("triageNote", t.note().strip());
        if (PublicReportService.blank(t.enterpriseId()) != null) {
            RosterEnterprise e = roster.byId(t.enterpriseId().strip())
                    .filter(x -> caller.sees(x.id(), x.district(), x.town(), null))
                    .orElseThrow(() -> DomainException.field("enterpriseId", t.enterpriseId() + " is not an enterprise of your area"));
            set.append("enterpriseId", e.id()).append("enterpriseName", e.name()).append("district", e.district())
                    .append("town", e.town());
        }
        return move(caller, r, t.accept() ? ReportStatus.ACCEPTED : ReportStatus.REJECTED, set, t.note());
    }

    public Report verify(Caller caller, boolean handler, String id, ReportRequests.Verification v) {
        Report r = actOn(caller, handler, id, ReportStatus.VERIFYING, true);
        Inspection i = inspections.get(caller, v.inspectionId().strip());
        if (r.enterpriseId() == null || !r.enterpriseId().equals(i.enterpriseId())) {
            throw DomainException.field("inspectionId", "is not an inspection of the reported enterprise"
                    + (r.enterpriseId() == null ? " (tie the report to one at triage)" : " " + r.enterpriseId()));
        }
        return move(caller, r, ReportStatus.VERIFYING, new Document("inspectionId", i.id()), "verified by inspection " + i.id());
    }

    /**
     * Opens the inspection of the reported enterprise from the report, outside any draw, and links it as the report's
     * verification in one step (a report need not wait for the next draw to be checked).
     */
    public Inspection openInspection(Caller caller, boolean handler, String id, ReportRequests.OpenInspection o) {
        Report r = actOn(caller, handler, id, ReportStatus.VERIFYING, true);
        if (r.enterpriseId() == null) {
            throw DomainException.conflict("NO_ENTERPRISE", "report " + id + " names no enterprise of the registry;"
                    + " tie it to one at triage first");
        }
        Inspection i = inspections.openFromReport(caller, r.id(), r.enterpriseId(), o.sector(), o.inspectorIds());
        move(caller, r, ReportStatus.VERIFYING, new Document("inspectionId", i.id()), "verified by inspection " + i.id()
                + ", opened from the report");
        return i;
    }

    public Report decide(Caller caller, boolean handler, String id, ReportRequests.Outcome o) {
        ReportStatus to = o.founded() ? ReportStatus.FOUNDED : ReportStatus.UNFOUNDED;
        Report r = actOn(caller, handler, id, to, true);
        Report.Outcome outcome = new Report.Outcome(o.founded(), o.note().strip(), caller.subject(), today.now());
        Report done = move(caller, r, to, new Document("outcome", reports.embedded(outcome)), o.note());
        if (o.founded() && r.enterpriseId() != null) {
            credit.enter("report:" + r.id(), r.enterpriseId(), CreditCause.REPORT_FOUNDED, 0, today.now(),
                    "report " + r.trackingCode() + " founded");
        }
        return done;
    }

    public Report reward(Caller caller, boolean handler, String id, ReportRequests.RewardBasis b) {
        Report r = actOn(caller, handler, id, ReportStatus.REWARDED, true);
        ReportsConfig.Reward rules = config.reports().reward();
        Report.Reward reward;
        if (r.category() == ReportCategory.CONCEALED_ACCIDENT) {
            if (b.accidentGrade() == null) {
                throw DomainException.field("accidentGrade", "a concealed accident's reward is per its grade");
            }
            if (b.concealedDeaths() == null) {
                throw DomainException.field("concealedDeaths", "a concealed accident's reward is per concealed death");
            }
            long amount = RewardRules.forConcealedAccident(b.accidentGrade(), b.concealedDeaths(), r.internal(), rules);
            reward = new Report.Reward(amount, "CONCEALED_ACCIDENT", null, null, b.accidentGrade(), b.concealedDeaths(),
                    r.internal(), caller.subject(), today.now());
        } else {
            if (PublicReportService.blank(b.caseId()) == null) {
                throw DomainException.field("caseId", "the reward is 15 % of the fine of a decided case");
            }
            PenaltyCase c = cases.get(caller, b.caseId().strip());
            if (!c.enterpriseId().equals(r.enterpriseId())) {
                throw DomainException.field("caseId", "is a case against another enterprise");
            }
            if (!DECIDED.contains(c.status()) || c.decision() == null) {
                throw DomainException.field("caseId", "is not decided (or was revoked): " + c.status());
            }
            long amount = RewardRules.forFine(c.decision().amount(), r.internal(), rules);
            reward = new Report.Reward(amount, "FINE", c.id(), c.decision().amount(), null, null, r.internal(),
                    caller.subject(), today.now());
        }
        LOG.infof("report %s rewarded %d yuan (%s)", r.id(), reward.amount(), reward.basis());
        return move(caller, r, ReportStatus.REWARDED, new Document("reward", reports.embedded(reward)),
                reward.amount() + " yuan, " + reward.basis());
    }

    /** The reporter in clear, for the report's handler only; every reading is on the audit trail. */
    public ReporterVault.Reporter reporter(Caller caller, boolean handler, String id) {
        Report r = get(caller, id);
        requireHandler(caller, handler, r, false);
        if (r.anonymous()) {
            throw DomainException.notFound("reporter of report", id);
        }
        audit.record(caller, subject(r), "REPORTER_READ", r.status().name(), r.status().name(), "identity opened by the handler");
        return vault.open(r.id(), r.sealedReporter());
    }

    private Report actOn(Caller caller, boolean handler, String id, ReportStatus to, boolean ownOnly) {
        Report r = get(caller, id);
        requireHandler(caller, handler, r, ownOnly);
        r.status().requireMoveTo(to);
        return r;
    }

    private static void requireHandler(Caller caller, boolean handler, Report r, boolean ownOnly) {
        if (!handler || !caller.regulator()) {
            throw DomainException.forbidden("only a report handler (role " + ROLE + ") may do this");
        }
        if ((ownOnly || r.handler() != null) && !caller.subject().equals(r.handler())) {
            throw DomainException.forbidden("report " + r.id() + " is handled by another handler");
        }
    }

    private Report move(Caller caller, Report r, ReportStatus to, Document set, String why) {
        if (!reports.move(r.id(), r.status(), to, set, today.now())) {
            throw DomainException.conflict("INVALID_TRANSITION", "report " + r.id() + " changed meanwhile; try again");
        }
        audit.record(caller, subject(r), to.name(), r.status().name(), to.name(), why);
        return reports.byId(r.id()).orElseThrow();
    }

    private static AuditLog.Subject subject(Report r) {
        return AuditLog.Subject.of("REPORT", r.id(), r.enterpriseId(), r.district(), r.town());
    }
}
