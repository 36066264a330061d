package io.safetyhub.enforcement.reinspection;

import io.safetyhub.enforcement.audit.AuditLog;
import io.safetyhub.enforcement.common.Scope;
import io.safetyhub.enforcement.common.Today;
import io.safetyhub.enforcement.credit.CreditCause;
import io.safetyhub.enforcement.credit.CreditLedger;
import io.safetyhub.enforcement.finding.Finding;
import io.safetyhub.enforcement.finding.FindingRepository;
import io.safetyhub.enforcement.inspection.Inspection;
import io.safetyhub.enforcement.supervision.SupervisionService;
import io.safetyhub.platform.Caller;
import io.safetyhub.platform.rest.DomainException;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Re-inspection closes the loop: scheduled at each deadline when the findings are raised; its outcome rectifies a
 * finding, or, for a major hazard not rectified, puts it under listed supervision (挂牌督办).
 */
@ApplicationScoped
public class ReinspectionService {
    private final ReinspectionRepository repository;
    private final FindingRepository findings;
    private final SupervisionService supervision;
    private final AuditLog audit;
    private final Today today;
    private final CreditLedger credit;

    public ReinspectionService(
            ReinspectionRepository repository,
            FindingRepository findings,
            SupervisionService supervision,
            AuditLog audit,
            Today today,
            CreditLedger credit) {
        this.repository = repository;
        this.findings = findings;
        this.supervision = supervision;
        this.audit = audit;
        this.today = today;
        this.credit = credit;
    }

    /** One re-inspection per distinct deadline of the inspection's findings. Safe to call twice. */
    public void schedule(Caller caller, Inspection inspection, List<Finding> raised) {
        Map<LocalDate, List<String>> byDeadline = new TreeMap<>();
        raised.forEach(f -> byDeadline.computeIfAbsent(f.deadline(), d -> new java.util.ArrayList<>()).add(f.id()));
        byDeadline.forEach((dueOn, ids) -> {
            Reinspection r = new Reinspection("re-" + inspection.id() + "-" + dueOn, inspection.id(), inspection.enterpriseId(),
                    inspection.enterpriseName(), inspection.district(), inspection.town(), dueOn, ids,
                    Reinspection.Status.SCHEDULED, List.of(), null, null);
            if (repository.insertIfAbsent(r)) {
                audit.record(caller, subject(r), "SCHEDULED", null, r.status().name(), ids.size() + " findings due " + dueOn);
            }
        });
    }

    public Reinspection get(Caller caller, String id) {
        Reinspection r = repository.byId(id).orElseThrow(() -> DomainException.notFound("re-inspection", id));
        Scope.requireVisible(caller, r.enterpriseId(), r.district(), r.town(), "re-inspection", id);
        return r;
    }

    /** Records the outcome of every finding of the re-inspection, then moves each finding on. */
    public Reinspection record(Caller caller, String id, List<Reinspection.Outcome> outcomes) {
        Scope.requireRegulator(caller);
        Reinspection r = get(caller, id);
        if (r.status() == Reinspection.Status.DONE) {
            throw DomainException.conflict("REINSPECTION_DONE", "re-inspection " + id + " was recorded by " + r.recordedBy());
        }
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < outcomes.size(); i++) {
            Reinspection.Outcome o = outcomes.get(i);
            if (!r.findingIds().contains(o.findingId()) || !seen.add(o.findingId())) {
                throw DomainException.field("outcomes[" + i + "].findingId", "'" + o.findingId()
                        + "' is not a finding of this re-inspection, or is answered twice");
            }
            if (!o.rectified() && (o.note() == null || o.note().isBlank())) {
                throw DomainException.field("outcomes[" + i + "].note", "a finding not rectified needs what was found");
            }
        }
        List<String> missing = r.findingIds().stream().filter(f -> !seen.contains(f)).toList();
        if (!missing.isEmpty()) {
            throw DomainException.field("outcomes", "findings not answered: " + String.join(", ", missing));
        }
        if (!repository.done(id, outcomes, caller.subject(), today.now())) {
            throw DomainException.conflict("REINSPECTION_DONE", "re-inspection " + id + " was recorded meanwhile");
        }
        audit.record(caller, subject(r), "RECORDED", r.status().name(), Reinspection.Status.DONE.name(),
                outcomes.stream().filter(Reinspection.Outcome::rectified).count() + " of " + outcomes.size() + " rectified");
        Map<String, Finding> byId = findings.byIds(r.findingIds()).stream().collect(Collectors.toMap(Finding::id, f -> f));
        for (Reinspection.Outcome o : outcomes) {
            settle(caller, byId.get(o.findingId()), o, r);
        }
        return get(caller, id);
    }

    private void settle(Caller caller, Finding f, Reinspection.Outcome o, Reinspection r) {
        Finding.Status to = o.rectified() ? Finding.Status.RECTIFIED
                : f.grade() == Inspection.Grade.MAJOR ? Finding.Status.LISTED : Finding.Status.NOT_RECTIFIED;
        if (findings.move(f.id(), Finding.Status.OPEN, to)) {
            audit.record(caller, io.safetyhub.enforcement.finding.FindingService.subject(f), "REINSPECTED",
                    Finding.Status.OPEN.name(), to.name(), o.note());
        }
        if (to == Finding.Status.LISTED) {
            supervision.list(caller, f, r.id(), o.note());
        }
        CreditCause cause = switch (to) {
            case RECTIFIED -> CreditCause.RECTIFIED_ON_TIME;
            case LISTED -> CreditCause.MAJOR_HAZARD_LISTED;
            default -> CreditCause.NOT_RECTIFIED;
        };
        credit.enter("finding:" + f.id(), f.enterpriseId(), cause, 0, today.now(), "re-inspection " + r.id() + ": " + f.item());
    }

    static AuditLog.Subject subject(Reinspection r) {
        return AuditLog.Subject.of("REINSPECTION", r.id(), r.enterpriseId(), r.district(), r.town(), r.inspectionId());
    }
}
