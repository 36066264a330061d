package io.safetyhub.enterprise.checks;

import io.safetyhub.enterprise.config.EnterpriseConfig;
import io.safetyhub.enterprise.enterprise.Enterprise;
import io.safetyhub.enterprise.enterprise.EnterpriseService;
import io.safetyhub.enterprise.enterprise.TenantScope;
import io.safetyhub.enterprise.hazard.HazardGrade;
import io.safetyhub.enterprise.hazard.HazardRequest;
import io.safetyhub.enterprise.hazard.HazardService;
import io.safetyhub.enterprise.hazard.HazardSource;
import io.safetyhub.enterprise.hazard.HazardView;
import io.safetyhub.platform.Caller;
import io.safetyhub.platform.rest.DomainException;
import io.safetyhub.platform.rest.Page;
import io.safetyhub.platform.rest.PageRequest;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;

/**
 * Check instances: the enterprise works through its own (the person on the post records DONE or FAILED); a failed
 * check opens a general hazard through the hazard lifecycle ({@link HazardService#report}, source SELF_CHECK:
 * 自查自报), its description naming the point, measure and task; regulators and operators read.
 */
@ApplicationScoped
public class CheckInstanceService {
    private static final Logger LOG = Logger.getLogger(CheckInstanceService.class);

    private final CheckInstanceRepository repository;
    private final EnterpriseService enterprises;
    private final HazardService hazards;
    private final Clock clock;
    private final ZoneId zone;
    private final Period deadline;

    public CheckInstanceService(CheckInstanceRepository repository, EnterpriseService enterprises, HazardService hazards,
                                Clock clock, EnterpriseConfig config) {
        this.repository = repository;
        this.enterprises = enterprises;
        this.hazards = hazards;
        this.clock = clock;
        this.zone = config.zone();
        this.deadline = config.riskPoints().failedCheckDeadline();
    }

    public Page<CheckInstanceView> listOf(Caller caller, String enterpriseId, CheckStatus status, boolean overdueOnly,
                                          PageRequest page) {
        Enterprise e = enterprises.visible(caller, enterpriseId);
        return page(new TenantScope(e.id(), null, null, false), status, overdueOnly, page);
    }

    /** Open overdue checks across the caller's scope, oldest due first. */
    public Page<CheckInstanceView> overdue(Caller caller, String district, PageRequest page) {
        return page(TenantScope.of(caller, null, district, null), null, true, page);
    }

    public CheckInstanceView get(Caller caller, String id) {
        return CheckInstanceView.of(visible(caller, id), now());
    }

    public CheckInstanceView record(Caller caller, String id, CheckResultRequest request) {
        if (!caller.enterprise()) {
            throw DomainException.forbidden("a check is recorded by the enterprise's own staff");
        }
        CheckInstance c = visible(caller, id);
        if (request.outcome() == CheckStatus.OPEN) {
            throw DomainException.field("outcome", "DONE or FAILED");
        }
        if (c.status() != CheckStatus.OPEN) {
            throw DomainException.conflict("CHECK_RECORDED", "check " + id + " was already recorded " + c.status());
        }
        boolean failed = request.outcome() == CheckStatus.FAILED;
        if (failed && (request.note() == null || request.note().isBlank())) {
            throw DomainException.field("note", "a failed check says what is wrong");
        }
        Instant now = now();
        CheckInstance recorded = c.recorded(request.outcome(), request.note(), caller.subject(), now);
        if (!repository.replaceIf(recorded, CheckStatus.OPEN)) {
            throw DomainException.conflict("CONCURRENT_CHANGE", "check " + id + " was recorded meanwhile; reload it");
        }
        if (!failed) {
            LOG.infof("check %s of %s done by %s", id, c.enterpriseId(), caller.subject());
            return CheckInstanceView.of(recorded, now);
        }
        HazardView hazard;
        try {
            hazard = hazards.report(caller, hazardOf(c, request.note(), enterprises.visible(caller, c.enterpriseId())));
        } catch (RuntimeException e) {
            // Leave the check open rather than failed without its hazard: the person can record it again.
            repository.replaceIf(c, request.outcome());
            throw e;
        }
        CheckInstance linked = recorded.withHazard(hazard.id());
        repository.replaceIf(linked, request.outcome());
        LOG.infof("check %s of %s failed (%s): hazard %s opened", id, c.enterpriseId(), c.pointName(), hazard.id());
        return CheckInstanceView.of(linked, now);
    }

    private HazardRequest hazardOf(CheckInstance c, String note, Enterprise e) {
        String description = "风险点「" + c.pointName() + "」(" + c.pointId() + ") 管控措施「" + c.measure() + "」排查未通过 ("
                + c.taskId() + ", " + c.id() + "): " + note.strip();
        LocalDate today = LocalDate.now(clock.withZone(zone));
        return new HazardRequest(c.enterpriseId(), HazardSource.SELF_CHECK, HazardGrade.GENERAL, e.sectors().get(0),
                description.length() > 2000 ? description.substring(0, 2000) : description, c.post(), c.measure(), null,
                today.plus(deadline));
    }

    private Page<CheckInstanceView> page(TenantScope scope, CheckStatus status, boolean overdueOnly, PageRequest page) {
        Instant now = now();
        Instant overdueAt = overdueOnly ? now : null;
        return Page.of(repository.find(scope, status, overdueAt, page).stream().map(c -> CheckInstanceView.of(c, now))
                .toList(), page, repository.count(scope, status, overdueAt));
    }

    private CheckInstance visible(Caller caller, String id) {
        return repository.findById(id).filter(c -> caller.sees(c.enterpriseId(), c.district(), c.town(), null))
                .orElseThrow(() -> DomainException.notFound("check", id));
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }
}
