package io.safetyhub.enforcement.plan;

import io.safetyhub.enforcement.audit.AuditLog;
import io.safetyhub.enforcement.common.Scope;
import io.safetyhub.enforcement.common.Today;
import io.safetyhub.enforcement.config.EnforcementConfig;
import io.safetyhub.enforcement.roster.RiskColour;
import io.safetyhub.platform.Caller;
import io.safetyhub.platform.rest.DomainException;
import jakarta.enterprise.context.ApplicationScoped;
import org.bson.Document;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Enforcement plans: a regulator plans for its own district (a town regulator for its own town). */
@ApplicationScoped
public class PlanService {
    private final PlanRepository repository;
    private final EnforcementConfig config;
    private final AuditLog audit;
    private final Today today;

    public PlanService(
            PlanRepository repository,
            EnforcementConfig config,
            AuditLog audit,
            Today today) {
        this.repository = repository;
        this.config = config;
        this.audit = audit;
        this.today = today;
    }

    public Plan create(Caller caller, PlanRequest request) {
        Scope.requireRegulator(caller);
        String district = caller.confinedDistrict() != null ? caller.confinedDistrict() : request.district();
        if (district == null || district.isBlank()) {
            throw DomainException.field("district", "must be given by a city-wide regulator");
        }
        if (request.district() != null && !request.district().isBlank() && !request.district().strip().equals(district)) {
            throw DomainException.forbidden("a district regulator plans for " + district + " only");
        }
        String town = caller.confinedTown() != null ? caller.confinedTown() : blank(request.town());
        if (caller.confinedTown() != null && request.town() != null && !request.town().isBlank()
                && !request.town().strip().equals(caller.confinedTown())) {
            throw DomainException.forbidden("a town regulator plans for " + caller.confinedTown() + " only");
        }
        LocalDate start = request.periodStart();
        if (request.periodEnd().isBefore(start)) {
            throw DomainException.field("periodEnd", "must not be before periodStart");
        }
        if (start.plusYears(1).isBefore(request.periodEnd())) {
            throw DomainException.field("periodEnd", "a plan covers at most one year");
        }
        if (request.periodEnd().isBefore(today.date())) {
            throw DomainException.field("periodEnd", "the period is already over");
        }
        if (request.quotas().stream().map(PlanRequest.QuotaRequest::sector).distinct().count() != request.quotas().size()) {
            throw DomainException.field("quotas", "names a sector twice");
        }
        Plan plan = new Plan("pl-" + UUID.randomUUID().toString().substring(0, 8), request.title().strip(), district.strip(),
                town, start, request.periodEnd(),
                request.quotas().stream().map(q -> new Plan.Quota(q.sector(), q.count())).toList(),
                weights(request.weights()), caller.subject(), today.now(), null);
        repository.insert(plan);
        audit.record(caller, AuditLog.Subject.of("PLAN", plan.id(), null, plan.district(), plan.town()), "PLANNED", null,
                "ACTIVE", plan.title());
        return plan;
    }

    public List<Plan> list(Caller caller) {
        Document filter = new Document();
        if (caller.confinedDistrict() != null) {
            filter.append("district", caller.confinedDistrict());
        }
        return repository.find(filter).stream().filter(p -> Scope.seesArea(caller, p.district(), p.town())).toList();
    }

    public Plan get(Caller caller, String id) {
        Plan plan = repository.byId(id).orElseThrow(() -> DomainException.notFound("plan", id));
        if (!Scope.seesArea(caller, plan.district(), plan.town())) {
            throw DomainException.notFound("plan", id);
        }
        return plan;
    }

    /** The plan's weights over the configured defaults, every colour present. */
    Map<String, Integer> weights(Map<RiskColour, Integer> requested) {
        EnforcementConfig.Weights defaults = config.draw().weights();
        Map<String, Integer> byName = new LinkedHashMap<>();
        for (RiskColour colour : RiskColour.values()) {
            int fallback = switch (colour) {
                case RED -> defaults.red();
                case ORANGE -> defaults.orange();
                case YELLOW -> defaults.yellow();
                case BLUE -> defaults.blue();
            };
            Integer chosen = requested == null ? null : requested.get(colour);
            byName.put(colour.name(), chosen != null ? chosen : fallback);
        }
        return byName;
    }

    private static String blank(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
