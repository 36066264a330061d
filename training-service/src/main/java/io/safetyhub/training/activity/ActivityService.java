package io.safetyhub.training.activity;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Sorts;
import io.safetyhub.platform.Caller;
import io.safetyhub.platform.Problem;
import io.safetyhub.platform.Strings;
import io.safetyhub.platform.rest.DomainException;
import io.safetyhub.platform.rest.Page;
import io.safetyhub.platform.rest.PageRequest;
import io.safetyhub.training.common.BusinessDay;
import io.safetyhub.training.common.DateBounds;
import io.safetyhub.training.enterprise.RegisteredEnterprise;
import io.safetyhub.training.enterprise.TenantScope;
import jakarta.enterprise.context.ApplicationScoped;
import org.bson.Document;
import org.bson.conversions.Bson;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/**
 * Publicity activities. An enterprise keeps its own, placed in its district and organised under its registered name;
 * a district or town regulator those of its district; a city regulator and operators all. Statistics are for regulators and
 * operators; the public sees upcoming ones.
 */
@ApplicationScoped
public class ActivityService {
    private final ActivityRepository repository;
    private final ActivityMapper mapper;
    private final TenantScope scope;
    private final BusinessDay days;
    private final Clock clock;

    public ActivityService(ActivityRepository repository, ActivityMapper mapper, TenantScope scope, BusinessDay days,
                           Clock clock) {
        this.repository = repository;
        this.mapper = mapper;
        this.scope = scope;
        this.days = days;
        this.clock = clock;
    }

    /** Filters of the activity list; null means "any". */
    public record Filter(String district, ActivityKind kind, LocalDate from, LocalDate to) {
    }

    public Page<ActivityView> list(Caller caller, Filter filter, PageRequest page) {
        Bson bson = toBson(caller, filter);
        Map<String, RegisteredEnterprise> directory = scope.directory();
        return Page.of(repository.find(bson, Sorts.descending("date"), page).stream()
                .map(a -> mapper.toView(a, owner(a, directory))).toList(), page, repository.count(bson));
    }

    public ActivityView get(Caller caller, String id) {
        Activity a = visible(caller, id);
        return mapper.toView(a, scope.enterprise(a.enterpriseId()).orElse(null));
    }

    public ActivityView create(Caller caller, ActivityRequest request) {
        checkDate(request);
        String enterpriseId = caller.confinedEnterprise();
        RegisteredEnterprise owner = scope.enterprise(enterpriseId).orElse(null);
        String organiser = organiser(enterpriseId, owner, request.organiser());
        String district = owner != null ? owner.district() : districtFor(caller, request.district());
        Activity activity = mapper.toActivity("a-" + UUID.randomUUID().toString().substring(0, 12), request, organiser,
                enterpriseId, district, caller.subject(), clock.instant(), clock.instant());
        repository.save(activity);
        return mapper.toView(activity, owner);
    }

    public ActivityView update(Caller caller, String id, ActivityRequest request) {
        Activity existing = visible(caller, id);
        checkDate(request);
        RegisteredEnterprise owner = scope.enterprise(existing.enterpriseId()).orElse(null);
        String organiser = organiser(existing.enterpriseId(), owner, request.organiser());
        String district = owner != null ? owner.district()
                : districtFor(caller, request.district() == null ? existing.district() : request.district());
        Activity activity = mapper.toActivity(id, request, organiser, existing.enterpriseId(), district,
                existing.createdBy(), existing.createdAt(), clock.instant());
        repository.save(activity);
        return mapper.toView(activity, owner);
    }

    public void delete(Caller caller, String id) {
        visible(caller, id);
        repository.delete(id);
    }

    /** Counts per district, month and kind of the activities the caller sees in {@code year}. */
    public List<ActivityStats> stats(Caller caller, int year) {
        Bson bson = toBson(caller, new Filter(null, null, LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31)));
        Map<String, long[]> totals = new TreeMap<>();
        for (Activity a : repository.findAll(bson)) {
            String key = a.district() + "|" + a.date().toString().substring(0, 7) + "|" + a.kind().name();
            long[] t = totals.computeIfAbsent(key, k -> new long[3]);
            t[0]++;
            t[1] += a.participants();
            t[2] += a.onlineReach();
        }
        List<ActivityStats> stats = new ArrayList<>();
        totals.forEach((key, t) -> {
            String[] parts = key.split("\\|");
            stats.add(new ActivityStats(parts[0], parts[1], ActivityKind.valueOf(parts[2]), t[0], t[1], t[2]));
        });
        stats.sort(Comparator.comparing(ActivityStats::district).thenComparing(ActivityStats::month).thenComparing(ActivityStats::kind));
        return stats;
    }

    /**
     * Upcoming activities (today or later), soonest first. An enterprise's activity is shown under its registered name,
     * and only while the enterprise is in the registry, so that no activity ever appears under a name its poster chose.
     */
    public Page<PublicActivityView> upcoming(LocalDate today, String district, PageRequest page) {
        Map<String, RegisteredEnterprise> directory = scope.directory();
        List<Bson> clauses = new ArrayList<>(List.of(Filters.gte("date", today.toString()),
                Filters.or(Filters.eq("enterpriseId", null), Filters.in("enterpriseId", directory.keySet()))));
        if (district != null) {
            clauses.add(Filters.eq("district", district));
        }
        Bson bson = Filters.and(clauses);
        return Page.of(repository.find(bson, Sorts.ascending("date"), page).stream()
                .map(a -> mapper.toPublicView(a, owner(a, directory))).toList(), page, repository.count(bson));
    }

    /**
     * The organiser an activity is stored and shown under. An enterprise's activity ({@code ownerId} set) is organised
     * by that enterprise: its registered name, whatever the request says; naming another organiser is refused rather
     * than silently replaced, so the poster learns it. Regulators and operators name the organiser (a department).
     */
    static String organiser(String ownerId, RegisteredEnterprise owner, String requested) {
        String given = Strings.blankToNull(requested);
        if (ownerId == null) {
            if (given == null) {
                throw DomainException.field("organiser", "must be given");
            }
            return given;
        }
        if (owner == null || owner.name() == null) {
            throw DomainException.forbidden("enterprise " + ownerId + " is not in the enterprise registry");
        }
        if (given != null && !given.equals(owner.name())) {
            throw new DomainException(403, "NOT_OWN_NAME", "organiser: an enterprise posts activities under its registered name",
                    List.of(new Problem.FieldError("organiser", "must be left out or be the registered name '" + owner.name() + "'")));
        }
        return owner.name();
    }

    private void checkDate(ActivityRequest request) {
        DateBounds.require("date", request.date(), DateBounds.EARLIEST, DateBounds.planningHorizon(days.today()));
    }

    private static RegisteredEnterprise owner(Activity a, Map<String, RegisteredEnterprise> directory) {
        return a.enterpriseId() == null ? null : directory.get(a.enterpriseId());
    }

    private Activity visible(Caller caller, String id) {
        Activity a = repository.findById(id).orElseThrow(() -> DomainException.notFound("activity", id));
        // Activities carry a district, not a town: a town regulator works with its district's, as its list shows
        // them (the town column of the access matrix found one read answered 404 that the list had shown).
        if (!caller.sees(a.enterpriseId(), a.district()) && !caller.seesDistrict(a.district())) {
            throw DomainException.notFound("activity", id);
        }
        return a;
    }

    private String districtFor(Caller caller, String requested) {
        if (requested == null || requested.isBlank()) {
            throw DomainException.field("district", "must be given");
        }
        String district = requested.strip();
        if (!caller.seesDistrict(district)) {
            throw DomainException.forbidden("a district regulator organises activities in its own district only");
        }
        return district;
    }

    private static Bson toBson(Caller caller, Filter filter) {
        List<Bson> clauses = new ArrayList<>();
        if (caller.confinedEnterprise() != null) {
            clauses.add(Filters.eq("enterpriseId", caller.confinedEnterprise()));
        } else if (caller.confinedDistrict() != null) {
            clauses.add(Filters.eq("district", caller.confinedDistrict()));
        }
        if (filter.district() != null) {
            clauses.add(Filters.eq("district", filter.district()));
        }
        if (filter.kind() != null) {
            clauses.add(Filters.eq("kind", filter.kind().name()));
        }
        if (filter.from() != null) {
            clauses.add(Filters.gte("date", filter.from().toString()));
        }
        if (filter.to() != null) {
            clauses.add(Filters.lte("date", filter.to().toString()));
        }
        return clauses.isEmpty() ? new Document() : Filters.and(clauses);
    }
}
