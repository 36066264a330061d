package io.safetyhub.enterprise.hazard;

import io.safetyhub.enterprise.audit.AuditEntry;
import io.safetyhub.enterprise.config.EnterpriseConfig;
import io.safetyhub.enterprise.enterprise.Enterprise;
import io.safetyhub.enterprise.enterprise.EnterpriseService;
import io.micrometer.core.instrument.MeterRegistry;
import io.safetyhub.enterprise.enterprise.Sector;
import io.safetyhub.enterprise.enterprise.TenantScope;
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
import java.util.List;
import java.util.UUID;

/**
 * The hazard rules: who reports which hazard, who takes which step of its life (the legality of the step
 * itself is {@link HazardStatus#allows}), and what each caller sees. An enterprise works on its own
 * hazards and closes its general ones; a regulator works on hazards of its scope and is the only one to
 * close a major hazard; an operator only reads.
 */
@ApplicationScoped
public class HazardService {
    private static final Logger LOG = Logger.getLogger(HazardService.class);

    private final HazardRepository repository;
    private final HazardMapper mapper;
    private final EnterpriseService enterprises;
    private final Clock clock;
    private final ZoneId zone;
    private final Period horizon;
    private final MeterRegistry meters;

    public HazardService(HazardRepository repository, HazardMapper mapper, EnterpriseService enterprises, Clock clock,
                         EnterpriseConfig config, MeterRegistry meters) {
        this.meters = meters;
        this.repository = repository;
        this.mapper = mapper;
        this.enterprises = enterprises;
        this.clock = clock;
        this.zone = config.zone();
        this.horizon = config.dateHorizon();
    }

    public HazardView report(Caller caller, HazardRequest request) {
        if (!caller.enterprise() && !caller.regulator()) {
            throw DomainException.forbidden("hazards are reported by the enterprise or a regulator");
        }
        Enterprise enterprise = enterprises.visible(caller, request.enterpriseId());
        if (!caller.regulator() && request.source() != HazardSource.SELF_CHECK) {
            throw DomainException.field("VALIDATION_FAILED", "source", "an enterprise reports SELF_CHECK hazards");
        }
        if (request.deadline().isBefore(today())) {
            throw DomainException.field("DEADLINE_IN_PAST", "deadline", "must be today or later");
        }
        LocalDate latest = today().plus(horizon);
        if (request.deadline().isAfter(latest)) {
            throw DomainException.field("DEADLINE_TOO_FAR", "deadline", "must be at most " + horizon + " ahead ("
                    + latest + " at the latest)");
        }
        Instant now = now();
        AuditEntry first = new AuditEntry(caller.subject(), caller.role(), now, null, HazardStatus.REPORTED.name(),
                request.source().name());
        Hazard hazard = new Hazard("hz-" + UUID.randomUUID(), enterprise.id(), enterprise.district(), enterprise.town(),
                request.source(),
                request.grade(), request.category(), request.description(), request.responsiblePerson(),
                request.measures(), request.funds(), request.deadline(), HazardStatus.REPORTED, now, now, List.of(first));
        repository.insert(hazard);
        LOG.infof("hazard %s reported for %s (%s)", hazard.id(), hazard.enterpriseId(), hazard.grade());
        meters.counter("safetyhub.enterprise.hazard.transitions", "to", HazardStatus.REPORTED.name(),
                "grade", hazard.grade().name()).increment();
        return view(hazard);
    }

    public HazardView get(Caller caller, String id) {
        return view(visible(caller, id));
    }

    public HazardView transition(Caller caller, String id, TransitionRequest request) {
        Hazard hazard = visible(caller, id);
        HazardStatus to = request.to();
        hazard.status().requireAllows(to);
        authorise(caller, hazard, to);
        if (to == HazardStatus.REJECTED && (request.note() == null || request.note().isBlank())) {
            throw DomainException.field("REASON_REQUIRED", "note", "a rejection must give its reason");
        }
        Hazard moved = hazard.moved(new AuditEntry(caller.subject(), caller.role(), now(), hazard.status().name(),
                to.name(), request.note()));
        if (!repository.replaceIf(moved, hazard.status())) {
            throw DomainException.conflict("CONCURRENT_CHANGE", "hazard " + id + " was changed meanwhile; reload it");
        }
        LOG.infof("hazard %s %s -> %s by %s", id, hazard.status(), to, caller.subject());
        meters.counter("safetyhub.enterprise.hazard.transitions", "to", to.name(), "grade", hazard.grade().name()).increment();
        return view(moved);
    }

    /** Filters of the list endpoint, parsed; null means "any". */
    public record ListQuery(String enterpriseId, String district, Sector category, HazardStatus status, HazardGrade grade,
                            boolean openOnly) {
    }

    public Page<HazardView> list(Caller caller, ListQuery q, PageRequest page) {
        return page(new HazardFilter(TenantScope.of(caller, q.enterpriseId(), q.district(), null), q.category(),
                q.status(), q.grade(), q.openOnly(), null), page);
    }

    /** Open major hazards, oldest first: the regulator's "dynamic zero" list. */
    public Page<HazardView> openMajor(Caller caller, String district, Sector sector, PageRequest page) {
        return page(new HazardFilter(TenantScope.of(caller, null, district, null), sector, null, HazardGrade.MAJOR,
                true, null), page);
    }

    public Page<HazardView> overdue(Caller caller, String district, Sector sector, PageRequest page) {
        return page(new HazardFilter(TenantScope.of(caller, null, district, null), sector, null, null, true, today()),
                page);
    }

    public HazardStats stats(Caller caller, String district) {
        List<Hazard> all = repository.findAll(new HazardFilter(TenantScope.of(caller, null, district, null), null, null,
                null, false, null));
        return HazardStatsCalculator.of(all, now(), today());
    }

    private Page<HazardView> page(HazardFilter filter, PageRequest page) {
        return Page.of(repository.find(filter, page).stream().map(this::view).toList(), page, repository.count(filter));
    }

    private void authorise(Caller caller, Hazard hazard, HazardStatus to) {
        if (!caller.enterprise() && !caller.regulator()) {
            throw DomainException.forbidden("operators do not work on hazards");
        }
        boolean regulator = caller.regulator();
        boolean general = hazard.grade() == HazardGrade.GENERAL;
        boolean allowed = switch (to) {
            case RECTIFYING -> true;
            case RECTIFIED -> !regulator;
            case CLOSED, REJECTED -> regulator || general;
            case REPORTED -> false;
        };
        if (!allowed) {
            String code = hazard.grade() == HazardGrade.MAJOR && to == HazardStatus.CLOSED
                    ? "MAJOR_HAZARD_REGULATOR_ONLY" : "FORBIDDEN";
            throw new DomainException(403, code, "a " + caller.role() + " may not move a " + hazard.grade()
                    + " hazard to " + to);
        }
    }

    private Hazard visible(Caller caller, String id) {
        return repository.findById(id).filter(h -> caller.sees(h.enterpriseId(), h.district(), h.town(), null))
                .orElseThrow(() -> DomainException.notFound("hazard", id));
    }

    private HazardView view(Hazard h) {
        return mapper.toView(h, now(), today());
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }

    private LocalDate today() {
        return LocalDate.now(clock.withZone(zone));
    }
}
