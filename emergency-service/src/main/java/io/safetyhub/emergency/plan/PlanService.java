package io.safetyhub.emergency.plan;

import com.mongodb.client.MongoClient;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Sorts;
import io.safetyhub.emergency.common.Area;
import io.safetyhub.emergency.common.Jurisdiction;
import io.safetyhub.emergency.common.Limits;
import io.safetyhub.emergency.common.RecordStore;
import io.safetyhub.emergency.common.Today;
import io.safetyhub.emergency.config.EmergencyConfig;
import io.safetyhub.emergency.enterprise.EnterpriseDirectory;
import io.safetyhub.emergency.enterprise.KnownEnterprise;
import io.safetyhub.platform.Caller;
import io.safetyhub.platform.rest.DomainException;
import io.safetyhub.platform.rest.Page;
import io.safetyhub.platform.rest.PageRequest;
import jakarta.enterprise.context.ApplicationScoped;
import org.bson.conversions.Bson;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import static io.safetyhub.platform.Strings.blankToNull;

/**
 * Plans and their filing: an enterprise keeps and files its own plans, the district's regulators accept or return
 * the filing; regulators keep the district's own plans. Operators read.
 */
@ApplicationScoped
public class PlanService {
    private final RecordStore<Plan> plans;
    private final PlanSchedule schedule;
    private final EnterpriseDirectory directory;
    private final Today today;

    public PlanService(MongoClient mongo, EmergencyConfig config, PlanSchedule schedule, EnterpriseDirectory directory,
                       Today today) {
        this.plans = new RecordStore<>(mongo.getDatabase(config.database()).getCollection("plans"), Plan.class);
        this.schedule = schedule;
        this.directory = directory;
        this.today = today;
    }

    /** Overdue plans of a district, for the regulator's overview. */
    public record Overdue(String district, int plans, int filingOverdue, int revisionOverdue) {
    }

    public Page<PlanView> list(Caller caller, PlanKind kind, FilingStatus status, PageRequest page) {
        Bson filter = Jurisdiction.filter(caller);
        if (kind != null) {
            filter = Filters.and(filter, Filters.eq("kind", kind.name()));
        }
        if (status != null) {
            filter = Filters.and(filter, Filters.eq("filing.status", status.name()));
        }
        LocalDate day = today.date();
        return Page.slice(plans.find(filter, Sorts.descending("publishedOn")).stream().map(p -> PlanView.of(p, schedule, day))
                .toList(), page);
    }

    public List<Overdue> overdue(Caller caller) {
        LocalDate day = today.date();
        Map<String, int[]> byDistrict = new TreeMap<>();
        for (Plan p : plans.find(Jurisdiction.filter(caller), Sorts.ascending("district"))) {
            int[] n = byDistrict.computeIfAbsent(p.district() == null ? "-" : p.district(), d -> new int[3]);
            n[0]++;
            n[1] += schedule.filingOverdue(p.publishedOn(), p.filing().status(), day) ? 1 : 0;
            n[2] += schedule.revisionOverdue(p.publishedOn(), day) ? 1 : 0;
        }
        return byDistrict.entrySet().stream().map(e -> new Overdue(e.getKey(), e.getValue()[0], e.getValue()[1], e.getValue()[2])).toList();
    }

    public PlanView get(Caller caller, String id) {
        return PlanView.of(visible(caller, id), schedule, today.date());
    }

    public PlanView create(Caller caller, PlanRequest r) {
        Limits.within("publishedOn", r.publishedOn(), Limits.EARLIEST, today.date());
        Limits.within("reviewedOn", r.reviewedOn(), Limits.EARLIEST, r.publishedOn());
        Plan plan;
        if (caller.confinedEnterprise() != null) {
            KnownEnterprise e = directory.byId(caller.confinedEnterprise()).orElseThrow(() -> DomainException.forbidden(
                    "enterprise " + caller.confinedEnterprise() + " is not in the registry view yet"));
            plan = new Plan("plan-" + UUID.randomUUID(), e.id(), e.name(), e.district(), e.town(), r.title().strip(), r.kind(),
                    r.version().strip(), r.publishedOn(), r.reviewedOn(), Plan.Filing.none(), null, today.now(), caller.subject());
        } else {
            if (!caller.regulator()) {
                throw DomainException.forbidden("plans are kept by enterprises (their own) and regulators (the district's)");
            }
            Area area = Area.of(caller, blankToNull(r.district()), null);
            area.requireKeeper(caller, "district plans");
            plan = new Plan("plan-" + UUID.randomUUID(), null, null, area.district(), null, r.title().strip(), r.kind(),
                    r.version().strip(), r.publishedOn(), r.reviewedOn(), Plan.Filing.none(), null, today.now(), caller.subject());
        }
        plans.put(plan.id(), plan);
        return PlanView.of(plan, schedule, today.date());
    }

    /** A new edition or a correction; a new publication date starts filing over. */
    public PlanView update(Caller caller, String id, PlanRequest r) {
        Plan p = owned(caller, id);
        Limits.within("publishedOn", r.publishedOn(), Limits.EARLIEST, today.date());
        Limits.within("reviewedOn", r.reviewedOn(), Limits.EARLIEST, r.publishedOn());
        Plan.Filing filing = r.publishedOn().equals(p.publishedOn()) ? p.filing() : Plan.Filing.none();
        Plan changed = new Plan(id, p.enterpriseId(), p.enterpriseName(), p.district(), p.town(), r.title().strip(), r.kind(),
                r.version().strip(), r.publishedOn(), r.reviewedOn(), filing, p.document(), today.now(), caller.subject());
        plans.put(id, changed);
        return PlanView.of(changed, schedule, today.date());
    }

    /** The enterprise files its plan with the district (备案); twice is 409 {@code ALREADY_FILED}. */
    public PlanView file(Caller caller, String id) {
        Plan p = owned(caller, id);
        if (p.enterpriseId() == null) {
            throw DomainException.conflict("NOT_AN_ENTERPRISE_PLAN", "the district's own plans are filed with the city, outside this platform");
        }
        FilingStatus next = p.filing().status().moveTo(FilingStatus.FILED);
        Plan.Filing filing = new Plan.Filing(next, today.date(), caller.subject(), null, null, null);
        return save(p.with(filing, p.document(), today.now(), caller.subject()));
    }

    /** The district's regulator accepts or returns a filed plan. */
    public PlanView decide(Caller caller, String id, boolean accept, String remark) {
        Plan p = visible(caller, id);
        Jurisdiction.requireRegulatorOf(caller, p.district(), p.town(), "plan", id);
        if (!accept && remark == null) {
            throw DomainException.field("remark", "say what must be corrected");
        }
        FilingStatus next = p.filing().status().moveTo(accept ? FilingStatus.ACCEPTED : FilingStatus.RETURNED);
        Plan.Filing f = p.filing();
        Plan.Filing filing = new Plan.Filing(next, f.filedOn(), f.filedBy(), today.date(), caller.subject(), remark);
        return save(p.with(filing, p.document(), today.now(), caller.subject()));
    }

    public Plan attach(Caller caller, String id, Plan.Document document) {
        Plan p = owned(caller, id);
        Plan changed = p.with(p.filing(), document, today.now(), caller.subject());
        plans.put(id, changed);
        return changed;
    }

    public Plan visible(Caller caller, String id) {
        Plan p = plans.byId(id).orElseThrow(() -> DomainException.notFound("plan", id));
        Jurisdiction.requireSees(caller, p.enterpriseId(), p.district(), p.town(), "plan", id);
        return p;
    }

    /** The owner: the enterprise for its plans, the district's regulators for the district's. */
    public Plan owned(Caller caller, String id) {
        Plan p = visible(caller, id);
        Area.requireOwner(caller, p.enterpriseId(), p.district(), "plan", id);
        return p;
    }

    private PlanView save(Plan p) {
        plans.put(p.id(), p);
        return PlanView.of(p, schedule, today.date());
    }
}
