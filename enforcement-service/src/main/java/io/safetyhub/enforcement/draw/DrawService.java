package io.safetyhub.enforcement.draw;

import com.mongodb.client.model.Filters;
import io.safetyhub.enforcement.audit.AuditLog;
import io.safetyhub.enforcement.common.Scope;
import io.safetyhub.enforcement.common.Today;
import io.safetyhub.enforcement.config.CreditConfig;
import io.safetyhub.enforcement.config.EnforcementConfig;
import io.safetyhub.enforcement.credit.CreditGrade;
import io.safetyhub.enforcement.credit.CreditLedger;
import io.safetyhub.enforcement.credit.CreditStanding;
import io.safetyhub.enforcement.inspection.InspectionRepository;
import io.safetyhub.enforcement.inspector.Inspector;
import io.safetyhub.enforcement.inspector.InspectorRepository;
import io.safetyhub.enforcement.plan.Plan;
import io.safetyhub.enforcement.plan.PlanRepository;
import io.safetyhub.enforcement.plan.PlanService;
import io.safetyhub.enforcement.roster.RosterEnterprise;
import io.safetyhub.enforcement.roster.RosterRepository;
import io.safetyhub.platform.Caller;
import io.safetyhub.platform.rest.DomainException;
import jakarta.enterprise.context.ApplicationScoped;
import org.bson.conversions.Bson;
import org.jboss.logging.Logger;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Draws and redraws a plan; the choosing itself is {@link DoubleRandomDraw}'s, this class gathers and keeps. */
@ApplicationScoped
public class DrawService {
    private static final Logger LOG = Logger.getLogger(DrawService.class);
    private static final long SEED_BOUND = 1L << 53;

    private final DrawRepository draws;
    private final PlanService planService;
    private final PlanRepository plans;
    private final RosterRepository roster;
    private final InspectorRepository inspectors;
    private final InspectionRepository inspections;
    private final EnforcementConfig config;
    private final AuditLog audit;
    private final Today today;
    private final CreditLedger credit;
    private final SecureRandom seeds = new SecureRandom();

    public DrawService(
            DrawRepository draws,
            PlanService planService,
            PlanRepository plans,
            RosterRepository roster,
            InspectorRepository inspectors,
            InspectionRepository inspections,
            EnforcementConfig config,
            AuditLog audit,
            Today today,
            CreditLedger credit) {
        this.draws = draws;
        this.planService = planService;
        this.plans = plans;
        this.roster = roster;
        this.inspectors = inspectors;
        this.inspections = inspections;
        this.config = config;
        this.audit = audit;
        this.today = today;
        this.credit = credit;
    }

    public Draw draw(Caller caller, String planId) {
        Plan plan = actOn(caller, planId);
        if (plan.drawId() != null) {
            throw DomainException.conflict("ALREADY_DRAWN", "plan " + planId + " was drawn as " + plan.drawId()
                    + "; a redraw needs a reason (POST /api/enforcement/draws/" + plan.drawId() + "/redraw)");
        }
        Draw draw = run(caller, plan, null, null);
        if (!plans.claimDraw(plan.id(), null, draw.id())) {
            draws.delete(draw.id());
            throw DomainException.conflict("ALREADY_DRAWN", "plan " + planId + " was drawn meanwhile");
        }
        record(caller, draw, "DRAWN", null, null);
        return draw;
    }

    public Draw redraw(Caller caller, String drawId, String reason) {
        Draw old = get(caller, drawId);
        Plan plan = actOn(caller, old.planId());
        if (old.status() != Draw.DrawStatus.EFFECTIVE) {
            throw DomainException.conflict("DRAW_SUPERSEDED", "draw " + drawId + " was already replaced by " + old.supersededBy());
        }
        if (inspections.countForDraw(drawId) > 0) {
            throw DomainException.conflict("DRAW_IN_USE", "inspections were opened from draw " + drawId + "; it can no longer be redrawn");
        }
        Draw fresh = run(caller, plan, drawId, reason);
        if (!plans.claimDraw(plan.id(), drawId, fresh.id())) {
            draws.delete(fresh.id());
            throw DomainException.conflict("DRAW_SUPERSEDED", "plan " + plan.id() + " was redrawn meanwhile");
        }
        draws.supersede(drawId, fresh.id(), reason);
        record(caller, old, "SUPERSEDED", Draw.DrawStatus.EFFECTIVE.name(), reason);
        record(caller, fresh, "REDRAWN", null, reason);
        return fresh;
    }

    public Draw get(Caller caller, String id) {
        Draw draw = draws.byId(id).orElseThrow(() -> DomainException.notFound("draw", id));
        if (!Scope.seesArea(caller, draw.district(), draw.town())) {
            throw DomainException.notFound("draw", id);
        }
        return draw;
    }

    /** Re-runs a stored draw from its seed and inputs and says whether it gives the stored result. */
    public Verification verify(Draw draw) {
        List<DoubleRandomDraw.Assignment> again = DoubleRandomDraw.draw(draw.inputs());
        return new Verification(draw.id(), Long.toString(draw.seed()), draw.algorithm(), again.equals(draw.assignments()), again);
    }

    /** The answer to "run it again": the stored seed, and whether the re-run matched the stored result. */
    public record Verification(String drawId, String seed, String algorithm, boolean reproduced,
                               List<DoubleRandomDraw.Assignment> rerun) {
    }

    private Plan actOn(Caller caller, String planId) {
        Scope.requireRegulator(caller);
        Plan plan = planService.get(caller, planId);
        if (caller.confinedTown() != null && !caller.confinedTown().equals(plan.town())) {
            throw DomainException.forbidden("a town regulator draws its own town's plans only");
        }
        return plan;
    }

    private Draw run(Caller caller, Plan plan, String supersedes, String reason) {
        List<Bson> area = new ArrayList<>(List.of(Filters.eq("district", plan.district())));
        if (plan.town() != null) {
            area.add(Filters.eq("town", plan.town()));
        }
        Map<String, RosterEnterprise> enterprises = roster.matching(Filters.and(area)).stream()
                .filter(RosterEnterprise::drawable).collect(Collectors.toMap(RosterEnterprise::id, Function.identity()));
        List<DoubleRandomDraw.Candidate> candidates = new ArrayList<>();
        // Every sector of every drawable enterprise of the area: the stored inputs show the whole roster the draw saw.
        // An enterprise without a credit standing has nothing on record: grade A.
        Map<String, String> grades = new java.util.HashMap<>();
        enterprises.keySet().forEach(id -> grades.put(id,
                credit.standing(id).map(CreditStanding::grade).orElse(CreditGrade.A).name()));
        enterprises.values().forEach(e -> e.sectors()
                .forEach(s -> candidates.add(new DoubleRandomDraw.Candidate(e.id(), s, e.riskColour(), grades.get(e.id())))));
        Map<String, Inspector> staff = inspectors.find(Filters.and(Filters.eq("district", plan.district()),
                        Filters.eq("active", true))).stream()
                .filter(i -> plan.town() == null || i.town() == null || plan.town().equals(i.town()))
                .collect(Collectors.toMap(Inspector::id, Function.identity()));
        DoubleRandomDraw.Inputs inputs = new DoubleRandomDraw.Inputs(seeds.nextLong() & (SEED_BOUND - 1),
                plan.quotas().stream().map(q -> new DoubleRandomDraw.Quota(q.sector().name(), q.count())).toList(),
                plan.weights(), config.draw().unratedWeight(), candidates,
                staff.values().stream().map(i -> new DoubleRandomDraw.Staff(i.id(),
                        i.sectors().stream().map(Enum::name).toList(), List.copyOf(i.conflictingEnterprises()))).toList(),
                previousTeams(plan.district(), enterprises.keySet(), supersedes),
                config.draw().inspectorsPerEnterprise(), gradeFactors(config.credit().drawFactors()));
        List<Draw.DrawnEnterprise> results = DoubleRandomDraw.draw(inputs).stream().map(a -> {
            RosterEnterprise e = enterprises.get(a.enterpriseId());
            return new Draw.DrawnEnterprise(e.id(), e.name(), e.town(), a.sector(), e.riskColour(),
                    a.inspectorIds().stream().map(staff::get)
                            .map(i -> new Draw.DrawnInspector(i.id(), i.name(), i.badgeNumber())).toList());
        }).toList();
        Draw draw = new Draw("dr-" + UUID.randomUUID().toString().substring(0, 8), plan.id(), plan.title(), plan.district(),
                plan.town(), plan.periodStart(), plan.periodEnd(), inputs.seed(), DoubleRandomDraw.ALGORITHM, inputs,
                results, Draw.DrawStatus.EFFECTIVE, supersedes, null, reason, caller.subject(), today.now());
        draws.insert(draw);
        LOG.infof("plan %s drawn as %s by %s: %d enterprises, seed %d", plan.id(), draw.id(), caller.subject(),
                results.size(), inputs.seed());
        return draw;
    }

    private static Map<String, Integer> gradeFactors(CreditConfig.DrawFactors f) {
        return Map.of(CreditGrade.A.name(), f.a(), CreditGrade.B.name(), f.b(), CreditGrade.C.name(), f.c(),
                CreditGrade.D.name(), f.d());
    }

    /** Each enterprise's team in the latest effective draw that sent one, leaving out the draw being replaced. */
    private List<DoubleRandomDraw.PreviousTeam> previousTeams(String district, Set<String> enterpriseIds, String replacing) {
        Set<String> seen = new HashSet<>();
        List<DoubleRandomDraw.PreviousTeam> teams = new ArrayList<>();
        for (Draw earlier : draws.effectiveIn(district)) {
            if (earlier.id().equals(replacing)) {
                continue;
            }
            for (DoubleRandomDraw.Assignment a : earlier.assignments()) {
                if (enterpriseIds.contains(a.enterpriseId()) && seen.add(a.enterpriseId())) {
                    teams.add(new DoubleRandomDraw.PreviousTeam(a.enterpriseId(), a.inspectorIds()));
                }
            }
        }
        teams.sort(java.util.Comparator.comparing(DoubleRandomDraw.PreviousTeam::enterpriseId));
        return teams;
    }

    private void record(Caller caller, Draw draw, String action, String from, String reason) {
        audit.record(caller, AuditLog.Subject.of("DRAW", draw.id(), null, draw.district(), draw.town(), draw.planId()),
                action, from, action.equals("SUPERSEDED") ? Draw.DrawStatus.SUPERSEDED.name() : Draw.DrawStatus.EFFECTIVE.name(),
                reason);
    }
}
