package io.safetyhub.enforcement.inspection;

import io.safetyhub.enforcement.audit.AuditLog;
import io.safetyhub.enforcement.checklist.Checklist;
import io.safetyhub.enforcement.checklist.ChecklistRepository;
import io.safetyhub.enforcement.common.Scope;
import io.safetyhub.enforcement.common.Today;
import io.safetyhub.enforcement.config.EnforcementConfig;
import io.safetyhub.enforcement.draw.Draw;
import io.safetyhub.enforcement.draw.DrawService;
import io.safetyhub.enforcement.finding.FindingService;
import io.safetyhub.enforcement.inspector.Inspector;
import io.safetyhub.enforcement.inspector.InspectorRepository;
import io.safetyhub.enforcement.roster.RosterEnterprise;
import io.safetyhub.enforcement.roster.RosterRepository;
import io.safetyhub.enforcement.roster.Sector;
import io.safetyhub.platform.Caller;
import io.safetyhub.platform.rest.DomainException;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Opening an inspection from a draw (or from a report, outside a draw), recording its results, and the team's sign-off
 * that completes it.
 */
@ApplicationScoped
public class InspectionService {
    private static final Logger LOG = Logger.getLogger(InspectionService.class);

    private final InspectionRepository repository;
    private final DrawService draws;
    private final ChecklistRepository checklists;
    private final InspectorRepository inspectors;
    private final FindingService findings;
    private final AuditLog audit;
    private final Today today;
    private final RosterRepository roster;
    private final EnforcementConfig config;

    public InspectionService(
            InspectionRepository repository,
            DrawService draws,
            ChecklistRepository checklists,
            InspectorRepository inspectors,
            FindingService findings,
            AuditLog audit,
            Today today,
            RosterRepository roster,
            EnforcementConfig config) {
        this.roster = roster;
        this.config = config;
        this.repository = repository;
        this.draws = draws;
        this.checklists = checklists;
        this.inspectors = inspectors;
        this.findings = findings;
        this.audit = audit;
        this.today = today;
    }

    public Inspection open(Caller caller, String drawId, String enterpriseId) {
        Scope.requireRegulator(caller);
        Draw draw = draws.get(caller, drawId);
        if (draw.status() != Draw.DrawStatus.EFFECTIVE) {
            throw DomainException.conflict("DRAW_SUPERSEDED", "draw " + drawId + " was replaced by " + draw.supersededBy());
        }
        Draw.DrawnEnterprise drawn = draw.results().stream().filter(r -> r.enterpriseId().equals(enterpriseId)).findFirst()
                .orElseThrow(() -> DomainException.field("enterpriseId", enterpriseId + " was not drawn in " + drawId));
        Scope.requireVisible(caller, drawn.enterpriseId(), draw.district(), drawn.town(), "enterprise", enterpriseId);
        Sector sector = Sector.valueOf(drawn.sector());
        Checklist checklist = checklists.forSector(sector).orElseThrow(() -> DomainException.conflict("NO_CHECKLIST",
                "no checklist is kept for " + sector + "; an operator must add one first"));
        Inspection inspection = new Inspection("in-" + drawId + "-" + enterpriseId, drawId, draw.planId(), enterpriseId,
                drawn.enterpriseName(), draw.district(), drawn.town(), sector, checklist.id(), checklist.version(),
                checklist.items(), drawn.inspectors().stream()
                .map(i -> new Inspection.TeamMember(i.inspectorId(), i.name(), i.badgeNumber())).toList(),
                Inspection.Status.OPEN, null, List.of(), List.of(), caller.subject(), today.now(), null);
        if (!repository.insert(inspection)) {
            throw DomainException.conflict("INSPECTION_EXISTS", "the inspection of " + enterpriseId + " from draw " + drawId
                    + " is already open as " + inspection.id());
        }
        record(caller, inspection, "OPENED", null, Inspection.Status.OPEN, null);
        return inspection;
    }

    /**
     * Opens the inspection of a reported enterprise straight from its report (id {@code in-<reportId>}, no draw, no
     * plan): the report's handler names the team, checked by {@link ReportTeam}; the rest of the loop is the same.
     */
    public Inspection openFromReport(Caller caller, String reportId, String enterpriseId, String sectorName,
                                     List<String> inspectorIds) {
        Scope.requireRegulator(caller);
        RosterEnterprise e = roster.byId(enterpriseId).orElseThrow(() -> DomainException.conflict("NOT_ON_ROSTER",
                "enterprise " + enterpriseId + " is not on the inspection roster (yet)"));
        Scope.requireVisible(caller, e.id(), e.district(), e.town(), "enterprise", e.id());
        Sector sector = ReportTeam.sector(sectorName, e.sectors());
        Map<String, Inspector> found = inspectors.byIds(inspectorIds.stream().map(i -> i == null ? "" : i.strip()).toList())
                .stream().collect(Collectors.toMap(Inspector::id, Function.identity()));
        List<Inspection.TeamMember> team = ReportTeam.check(inspectorIds, found, e.id(), e.district(), e.town(), sector,
                config.draw().inspectorsPerEnterprise());
        Checklist checklist = checklists.forSector(sector).orElseThrow(() -> DomainException.conflict("NO_CHECKLIST",
                "no checklist is kept for " + sector + "; an operator must add one first"));
        Inspection inspection = new Inspection("in-" + reportId, null, null, e.id(), e.name(), e.district(), e.town(), sector,
                checklist.id(), checklist.version(), checklist.items(), team, Inspection.Status.OPEN, null, List.of(),
                List.of(), caller.subject(), today.now(), null);
        if (!repository.insert(inspection)) {
            throw DomainException.conflict("INSPECTION_EXISTS", "report " + reportId + " already opened " + inspection.id());
        }
        record(caller, inspection, "OPENED", null, Inspection.Status.OPEN, "from report " + reportId);
        return inspection;
    }

    public Inspection get(Caller caller, String id) {
        Inspection inspection = repository.byId(id).orElseThrow(() -> DomainException.notFound("inspection", id));
        Scope.requireVisible(caller, inspection.enterpriseId(), inspection.district(), inspection.town(), "inspection", id);
        return inspection;
    }

    /** An inspection the caller may act on: a regulator of its area. */
    public Inspection forRegulator(Caller caller, String id) {
        Scope.requireRegulator(caller);
        return get(caller, id);
    }

    public Inspection recordResults(Caller caller, String id, ResultsRequest request) {
        Inspection inspection = forRegulator(caller, id);
        if (inspection.resultsFrozen()) {
            throw DomainException.conflict("RESULTS_SIGNED", "inspection " + id + " has been signed; its results are final");
        }
        List<Inspection.ItemResult> results = ResultsCheck.check(inspection.items(), request, today.date());
        if (!repository.saveResults(id, ResultsCheck.inspectedOn(request, today.date()), results)) {
            throw DomainException.conflict("RESULTS_SIGNED", "inspection " + id + " was signed meanwhile; its results are final");
        }
        long failed = results.stream().filter(r -> r.outcome() == Inspection.Outcome.FAIL).count();
        record(caller, inspection, "RESULTS_RECORDED", inspection.status(), Inspection.Status.AWAITING_SIGNATURES,
                results.size() + " items, " + failed + " failed");
        return get(caller, id);
    }

    /**
     * One inspector's sign-off. An inspector with a login signs under it; one without signs on a colleague's device
     * by entering their badge number, and the account that carried it is recorded beside the signature.
     */
    public Inspection sign(Caller caller, String id, String inspectorId, String badgeNumber) {
        Inspection inspection = forRegulator(caller, id);
        if (inspection.status() != Inspection.Status.AWAITING_SIGNATURES) {
            throw DomainException.conflict("NOT_AWAITING_SIGNATURES", "inspection " + id + " is " + inspection.status());
        }
        Inspection.TeamMember member = inspection.team().stream().filter(m -> m.inspectorId().equals(inspectorId)).findFirst()
                .orElseThrow(() -> DomainException.field("inspectorId", inspectorId + " is not on this inspection's team"));
        if (!member.badgeNumber().equals(badgeNumber)) {
            throw DomainException.field("badgeNumber", "does not match " + member.name() + "'s badge number");
        }
        Inspector inspector = inspectors.byId(inspectorId).orElse(null);
        if (inspector != null && inspector.username() != null && !inspector.username().equals(caller.subject())) {
            throw DomainException.forbidden(member.name() + " signs under their own login (" + inspector.username() + ")");
        }
        if (!repository.addSignature(id, new Inspection.Signature(inspectorId, caller.subject(), today.now()))) {
            throw DomainException.conflict("ALREADY_SIGNED", member.name() + " has already signed inspection " + id);
        }
        audit.record(caller, subject(inspection), "SIGNED", null, null, member.signature());
        Inspection signed = get(caller, id);
        boolean everyone = signed.team().stream().allMatch(m -> signed.signatures().stream()
                .anyMatch(s -> s.inspectorId().equals(m.inspectorId())));
        if (everyone && repository.complete(id, today.now())) {
            record(caller, signed, "COMPLETED", Inspection.Status.AWAITING_SIGNATURES, Inspection.Status.COMPLETED, null);
            Inspection completed = get(caller, id);
            int raised = findings.raise(caller, completed);
            LOG.infof("inspection %s of %s completed by %d inspectors; %d findings raised", id, completed.enterpriseId(),
                    completed.team().size(), raised);
            return completed;
        }
        return signed;
    }

    private void record(Caller caller, Inspection i, String action, Inspection.Status from, Inspection.Status to, String why) {
        audit.record(caller, subject(i), action, from == null ? null : from.name(), to.name(), why);
    }

    private static AuditLog.Subject subject(Inspection i) {
        // One opened from a report has no draw to refer to.
        return i.drawId() == null ? AuditLog.Subject.of("INSPECTION", i.id(), i.enterpriseId(), i.district(), i.town())
                : AuditLog.Subject.of("INSPECTION", i.id(), i.enterpriseId(), i.district(), i.town(), i.drawId());
    }
}
