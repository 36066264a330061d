package io.safetyhub.enterprise.riskpoint;

import io.safetyhub.enterprise.config.EnterpriseConfig;
import io.safetyhub.enterprise.enterprise.Enterprise;
import io.safetyhub.enterprise.enterprise.EnterpriseService;
import io.safetyhub.enterprise.enterprise.RiskColour;
import io.safetyhub.enterprise.enterprise.TenantScope;
import io.safetyhub.platform.Caller;
import io.safetyhub.platform.rest.DomainException;
import io.safetyhub.platform.rest.Page;
import io.safetyhub.platform.rest.PageRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Risk points (风险点) of an enterprise: declared by the enterprise (or an operator on its behalf), read by it and its
 * regulators; graded by LEC or LS ({@link RiskGrading}). Every write fires {@link RiskPointsChanged} so that the
 * enterprise's computed colour follows.
 */
@ApplicationScoped
public class RiskPointService {
    private static final Logger LOG = Logger.getLogger(RiskPointService.class);

    private final RiskPointRepository repository;
    private final EnterpriseService enterprises;
    private final Clock clock;
    private final RiskGrading.LsBands bands;
    private final Event<RiskPointsChanged> changed;

    public RiskPointService(RiskPointRepository repository, EnterpriseService enterprises, Clock clock,
                            EnterpriseConfig config, Event<RiskPointsChanged> changed) {
        this.repository = repository;
        this.enterprises = enterprises;
        this.clock = clock;
        this.bands = new RiskGrading.LsBands(config.riskPoints().lsRed(), config.riskPoints().lsOrange(),
                config.riskPoints().lsYellow());
        this.changed = changed;
    }

    /** Fired after a point of {@code enterpriseId} was written or removed. */
    public record RiskPointsChanged(String enterpriseId) {
    }

    public Page<RiskPointView> listOf(Caller caller, String enterpriseId, RiskColour colour, PageRequest page) {
        TenantScope scope = ownScope(caller, enterpriseId);
        return Page.of(repository.find(scope, colour, page).stream().map(RiskPointView::of).toList(), page,
                repository.count(scope, colour));
    }

    /** The points of the caller's scope, optionally of one colour (the regulator's red points). */
    public Page<RiskPointView> across(Caller caller, String district, RiskColour colour, PageRequest page) {
        TenantScope scope = TenantScope.of(caller, null, district, null);
        return Page.of(repository.find(scope, colour, page).stream().map(RiskPointView::of).toList(), page,
                repository.count(scope, colour));
    }

    public RiskPointView get(Caller caller, String enterpriseId, String id) {
        return RiskPointView.of(visible(caller, enterpriseId, id));
    }

    public RiskPointView create(Caller caller, String enterpriseId, RiskPointRequest request) {
        Enterprise e = writable(caller, enterpriseId);
        RiskPoint p = build("rp-" + shortId(), e, request, null, caller.subject());
        repository.save(p);
        LOG.infof("risk point %s of %s declared: %s %s = %s, %s", p.id(), e.id(), p.name(), p.method(), p.value(),
                p.colour());
        changed.fire(new RiskPointsChanged(e.id()));
        return RiskPointView.of(p);
    }

    public RiskPointView update(Caller caller, String enterpriseId, String id, RiskPointRequest request) {
        Enterprise e = writable(caller, enterpriseId);
        RiskPoint existing = visible(caller, enterpriseId, id);
        RiskPoint p = build(id, e, request, existing.createdAt(), caller.subject());
        repository.save(p);
        LOG.infof("risk point %s of %s updated: %s = %s, %s", id, e.id(), p.method(), p.value(), p.colour());
        changed.fire(new RiskPointsChanged(e.id()));
        return RiskPointView.of(p);
    }

    public void delete(Caller caller, String enterpriseId, String id) {
        writable(caller, enterpriseId);
        visible(caller, enterpriseId, id);
        repository.delete(id);
        LOG.infof("risk point %s of %s removed by %s", id, enterpriseId, caller.subject());
        changed.fire(new RiskPointsChanged(enterpriseId));
    }

    /** Writes without a caller: the demo seed; a point already there is left as the enterprise keeps it. */
    public boolean seed(Enterprise e, String id, RiskPointRequest request) {
        if (repository.findById(id).isPresent()) {
            return false;
        }
        repository.save(build(id, e, request, null, "demo-seed"));
        changed.fire(new RiskPointsChanged(e.id()));
        return true;
    }

    /** The enterprise the caller may see, as the scope of a list of its points. */
    TenantScope ownScope(Caller caller, String enterpriseId) {
        return new TenantScope(enterprises.visible(caller, enterpriseId).id(), null, null, false);
    }

    RiskPoint visible(Caller caller, String enterpriseId, String id) {
        Enterprise e = enterprises.visible(caller, enterpriseId);
        return repository.findById(id).filter(p -> p.enterpriseId().equals(e.id()))
                .orElseThrow(() -> DomainException.notFound("risk point", id));
    }

    private RiskPoint build(String id, Enterprise e, RiskPointRequest r, Instant createdAt, String by) {
        RiskGrading.Grade grade = RiskGrading.grade(r.method(), r.l(), r.e(), r.c(), r.s(), bands);
        List<RiskPoint.Measure> measures = new ArrayList<>();
        for (RiskPointRequest.MeasureRequest m : r.measures() == null ? List.<RiskPointRequest.MeasureRequest>of()
                : r.measures()) {
            List<RiskPoint.Task> tasks = new ArrayList<>();
            for (RiskPointRequest.TaskRequest t : m.tasks() == null ? List.<RiskPointRequest.TaskRequest>of() : m.tasks()) {
                tasks.add(new RiskPoint.Task(t.id() == null ? "ct-" + shortId() : t.id(), t.content().strip(),
                        t.frequency(), t.post().strip()));
            }
            measures.add(new RiskPoint.Measure(m.id() == null ? "cm-" + shortId() : m.id(), m.description().strip(),
                    tasks));
        }
        requireUniqueIds(measures);
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        // LEC keeps L, E, C; LS keeps L and S: the numbers of the other method are not part of the grade.
        boolean lec = r.method() == GradingMethod.LEC;
        return new RiskPoint(id, e.id(), e.district(), e.town(), r.name().strip(), r.longitude(), r.latitude(),
                r.hazards(), r.method(), r.l(), lec ? r.e() : null, lec ? r.c() : null, lec ? null : r.s(), grade.value(),
                grade.colour(), measures, createdAt == null ? now : createdAt, now, by);
    }

    private static void requireUniqueIds(List<RiskPoint.Measure> measures) {
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (int i = 0; i < measures.size(); i++) {
            if (!seen.add(measures.get(i).id())) {
                throw DomainException.field("measures[" + i + "].id", "used twice");
            }
            List<RiskPoint.Task> tasks = measures.get(i).tasks();
            for (int j = 0; j < tasks.size(); j++) {
                if (!seen.add(tasks.get(j).id())) {
                    throw DomainException.field("measures[" + i + "].tasks[" + j + "].id", "used twice");
                }
            }
        }
    }

    private Enterprise writable(Caller caller, String enterpriseId) {
        Enterprise e = enterprises.visible(caller, enterpriseId);
        if (!caller.enterprise() && !caller.operator()) {
            throw DomainException.forbidden("risk points are declared by the enterprise itself");
        }
        return e;
    }

    private static String shortId() {
        return UUID.randomUUID().toString().substring(0, 8);
    }
}
