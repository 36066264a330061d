package io.safetyhub.training.activity;

import io.safetyhub.platform.rest.PageRequest;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Sorts;
import io.safetyhub.platform.rest.Page;
import io.safetyhub.training.enterprise.RegisteredEnterprise;
import io.safetyhub.training.enterprise.TenantScope;
import io.safetyhub.platform.rest.DomainException;
import io.safetyhub.platform.Caller;
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
 * Publicity activities. An enterprise keeps its own; a district regulator those of its district; a city
 * regulator and operators all. Statistics are for regulators and operators; the public sees upcoming ones.
 */
@ApplicationScoped
public class ActivityService {
    private final ActivityRepository repository;
    private final ActivityMapper mapper;
    private final TenantScope scope;
    private final Clock clock;

    public ActivityService(ActivityRepository repository, ActivityMapper mapper, TenantScope scope, Clock clock) {
        this.repository = repository;
        this.mapper = mapper;
        this.scope = scope;
        this.clock = clock;
    }

    /** Filters of the activity list; null means "any". */
    public record Filter(String district, ActivityKind kind, LocalDate from, LocalDate to) {
    }

    public Page<ActivityView> list(Caller caller, Filter filter, PageRequest page) {
        Bson bson = toBson(caller, filter);
        return Page.of(repository.find(bson, Sorts.descending("date"), page).stream().map(mapper::toView).toList(),
                page, repository.count(bson));
    }

    public ActivityView get(Caller caller, String id) {
        return mapper.toView(visible(caller, id));
    }

    public ActivityView create(Caller caller, ActivityRequest request) {
        String enterpriseId = caller.confinedEnterprise();
        String district = districtFor(caller, request.district());
        Activity activity = mapper.toActivity("a-" + UUID.randomUUID().toString().substring(0, 12), request, enterpriseId,
                district, caller.subject(), clock.instant(), clock.instant());
        repository.save(activity);
        return mapper.toView(activity);
    }

    public ActivityView update(Caller caller, String id, ActivityRequest request) {
        Activity existing = visible(caller, id);
        String district = districtFor(caller, request.district() == null ? existing.district() : request.district());
        Activity activity = mapper.toActivity(id, request, existing.enterpriseId(), district, existing.createdBy(),
                existing.createdAt(), clock.instant());
        repository.save(activity);
        return mapper.toView(activity);
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

    /** Upcoming activities (today or later), soonest first. */
    public Page<PublicActivityView> upcoming(LocalDate today, String district, PageRequest page) {
        Bson bson = district == null ? Filters.gte("date", today.toString())
                : Filters.and(Filters.gte("date", today.toString()), Filters.eq("district", district));
        return Page.of(repository.find(bson, Sorts.ascending("date"), page).stream().map(mapper::toPublicView).toList(),
                page, repository.count(bson));
    }

    private Activity visible(Caller caller, String id) {
        Activity a = repository.findById(id).orElseThrow(() -> DomainException.notFound("activity", id));
        if (!caller.sees(a.enterpriseId(), a.district())) {
            throw DomainException.notFound("activity", id);
        }
        return a;
    }

    private String districtFor(Caller caller, String requested) {
        if (caller.confinedEnterprise() != null) {
            return scope.enterprise(caller.confinedEnterprise()).map(RegisteredEnterprise::district)
                    .orElseGet(() -> required(requested));
        }
        String district = required(requested);
        if (!caller.seesDistrict(district)) {
            throw DomainException.forbidden("a district regulator organises activities in its own district only");
        }
        return district;
    }

    private static String required(String district) {
        if (district == null || district.isBlank()) {
            throw DomainException.field("district", "must be given");
        }
        return district.trim();
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
