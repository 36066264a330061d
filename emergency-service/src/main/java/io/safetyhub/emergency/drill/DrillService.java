package io.safetyhub.emergency.drill;

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

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Collectors;

import static io.safetyhub.platform.Strings.blankToNull;

/**
 * Drills: an enterprise plans, holds and evaluates its own; regulators those of the district. The frequency rules are
 * judged per enterprise ({@link DrillFrequency}); the district's large drills are counted against its yearly target.
 */
@ApplicationScoped
public class DrillService {
    private final RecordStore<Drill> drills;
    private final DrillFrequency frequency;
    private final EnterpriseDirectory directory;
    private final EmergencyConfig.Drills rules;
    private final Today today;
    private final DrillPublisher publisher;

    public DrillService(MongoClient mongo, EmergencyConfig config, DrillFrequency frequency, EnterpriseDirectory directory,
                        Today today, DrillPublisher publisher) {
        this.publisher = publisher;
        this.drills = new RecordStore<>(mongo.getDatabase(config.database()).getCollection("drills"), Drill.class);
        this.frequency = frequency;
        this.directory = directory;
        this.rules = config.drills();
        this.today = today;
    }

    public record Compliance(String enterpriseId, String name, String district, List<DrillFrequency.Standing> rules) {
    }

    public record DistrictCount(String district, int year, long largeDrillsHeld, int target, boolean met) {
    }

    public Page<Drill> list(Caller caller, DrillStatus status, PageRequest page) {
        var filter = status == null ? Jurisdiction.filter(caller) : Filters.and(Jurisdiction.filter(caller), Filters.eq("status", status.name()));
        return Page.slice(drills.find(filter, Sorts.descending("plannedOn")), page);
    }

    public Drill get(Caller caller, String id) {
        Drill d = drills.byId(id).orElseThrow(() -> DomainException.notFound("drill", id));
        Jurisdiction.requireSees(caller, d.enterpriseId(), d.district(), d.town(), "drill", id);
        return d;
    }

    public Drill plan(Caller caller, DrillRequests.Plan r) {
        LocalDate day = today.date();
        Limits.within("plannedOn", r.plannedOn(), Limits.EARLIEST, day.plusYears(1));
        String id = "drill-" + UUID.randomUUID();
        Drill d;
        if (caller.confinedEnterprise() != null) {
            KnownEnterprise e = directory.byId(caller.confinedEnterprise()).orElseThrow(() -> DomainException.forbidden(
                    "enterprise " + caller.confinedEnterprise() + " is not in the registry view yet"));
            d = new Drill(id, e.id(), e.district(), e.town(), r.title().strip(), r.form(), r.scope(), blankToNull(r.planId()),
                    r.large(), r.plannedOn(), null, 0, DrillStatus.PLANNED, null, today.now(), caller.subject());
        } else {
            if (!caller.regulator()) {
                throw DomainException.forbidden("drills are kept by enterprises (their own) and regulators (the district's)");
            }
            Area area = Area.of(caller, blankToNull(r.district()), null);
            area.requireKeeper(caller, "district drills");
            d = new Drill(id, null, area.district(), null, r.title().strip(), r.form(), r.scope(), blankToNull(r.planId()),
                    r.large(), r.plannedOn(), null, 0, DrillStatus.PLANNED, null, today.now(), caller.subject());
        }
        drills.put(id, d);
        return d;
    }

    public Drill held(Caller caller, String id, DrillRequests.Held r) {
        Drill d = owned(caller, id);
        Limits.within("heldOn", r.heldOn(), Limits.EARLIEST, today.date());
        Drill changed = new Drill(d.id(), d.enterpriseId(), d.district(), d.town(), d.title(), d.form(), d.scope(), d.planId(),
                d.large(), d.plannedOn(), r.heldOn(), r.participants(), d.status().moveTo(DrillStatus.HELD), null, today.now(),
                caller.subject());
        drills.put(id, changed);
        publisher.publish(changed);
        return changed;
    }

    public Drill evaluate(Caller caller, String id, DrillRequests.Evaluate r) {
        Drill d = get(caller, id);
        boolean regulatorOfArea = caller.regulator() && caller.sees(null, d.district(), d.town(), null);
        if (!regulatorOfArea) {
            owned(caller, id);
        }
        LocalDate on = r.evaluatedOn() == null ? today.date() : r.evaluatedOn();
        Limits.within("evaluatedOn", on, d.heldOn() == null ? Limits.EARLIEST : d.heldOn(), today.date());
        Drill.Evaluation evaluation = new Drill.Evaluation(on, r.summary().strip(), r.findings().stream()
                .map(f -> new Drill.Finding(f.problem().strip(), blankToNull(f.measure()))).toList(), caller.subject());
        Drill changed = new Drill(d.id(), d.enterpriseId(), d.district(), d.town(), d.title(), d.form(), d.scope(), d.planId(),
                d.large(), d.plannedOn(), d.heldOn(), d.participants(), d.status().moveTo(DrillStatus.EVALUATED), evaluation,
                today.now(), caller.subject());
        drills.put(id, changed);
        publisher.publish(changed);
        return changed;
    }

    /** The frequency rules per enterprise in scope (an enterprise: itself). */
    public List<Compliance> compliance(Caller caller) {
        Map<String, List<Drill>> held = drills.find(Filters.and(Jurisdiction.filter(caller), Filters.ne("heldOn", null),
                        Filters.ne("enterpriseId", null)), Sorts.ascending("heldOn")).stream()
                .collect(Collectors.groupingBy(Drill::enterpriseId));
        LocalDate day = today.date();
        return directory.all().stream().filter(e -> caller.sees(e.id(), e.district(), e.town(), null))
                .map(e -> new Compliance(e.id(), e.name(), e.district(),
                        frequency.standing(held.getOrDefault(e.id(), List.of()), e.sectors(), day))).toList();
    }

    /** Large drills held per district in a year against the target ("大型应急演练不少于5次"). */
    public List<DistrictCount> districtCounts(Caller caller, int year) {
        Map<String, Long> counts = new TreeMap<>();
        directory.all().stream().map(KnownEnterprise::district).filter(d -> d != null && caller.seesDistrict(d))
                .forEach(d -> counts.putIfAbsent(d, 0L));
        if (caller.confinedDistrict() != null) {
            counts.putIfAbsent(caller.confinedDistrict(), 0L);
        }
        drills.find(Filters.and(Jurisdiction.area(caller), Filters.eq("large", true),
                        Filters.gte("heldOn", year + "-01-01"), Filters.lte("heldOn", year + "-12-31")), Sorts.ascending("heldOn"))
                .forEach(d -> counts.merge(d.district(), 1L, Long::sum));
        return counts.entrySet().stream().map(e -> new DistrictCount(e.getKey(), year, e.getValue(), rules.districtYearlyTarget(),
                e.getValue() >= rules.districtYearlyTarget())).toList();
    }

    private Drill owned(Caller caller, String id) {
        Drill d = get(caller, id);
        Area.requireOwner(caller, d.enterpriseId(), d.district(), "drill", id);
        return d;
    }
}
