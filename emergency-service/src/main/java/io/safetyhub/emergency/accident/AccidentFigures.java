package io.safetyhub.emergency.accident;

import com.mongodb.client.model.Filters;
import io.safetyhub.emergency.common.Jurisdiction;
import io.safetyhub.emergency.common.Today;
import io.safetyhub.platform.Caller;
import io.safetyhub.platform.rest.DomainException;
import jakarta.enterprise.context.ApplicationScoped;
import org.bson.conversions.Bson;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/** The accident statistics (事故统计) and the days since the last fatal accident (安全发展累计日), in the caller's scope. */
@ApplicationScoped
public class AccidentFigures {
    private final AccidentRepository repository;
    private final Today today;

    public AccidentFigures(AccidentRepository repository, Today today) {
        this.repository = repository;
        this.today = today;
    }

    /** A year's figures against the year before, grouped, with the total. */
    public record Stats(int year, LocalDate asOf, AccidentStatistics.Group by, AccidentStatistics.Row total,
                        List<AccidentStatistics.Row> rows) {
    }

    /** {@code days} since {@code lastFatalOn}; both null when the area has no fatal accident on record. */
    public record SafeDays(String district, LocalDate lastFatalOn, Long days) {
    }

    public Stats stats(Caller caller, int year, AccidentStatistics.Group by, String district) {
        LocalDate now = today.date();
        if (year > now.getYear()) {
            throw DomainException.field("year", "must not be after " + now.getYear());
        }
        LocalDate asOf = year == now.getYear() ? now : LocalDate.of(year, 12, 31);
        List<AccidentStatistics.Counted> counted = repository.find(Filters.and(scope(caller, district),
                        Filters.gte("occurredOn", (year - 1) + "-01-01"), Filters.lte("occurredOn", year + "-12-31")))
                .stream().map(a -> new AccidentStatistics.Counted(a.occurredOn(), a.district(), a.sector(), a.casualties()))
                .toList();
        List<AccidentStatistics.Row> total = AccidentStatistics.compare(counted, AccidentStatistics.Group.TOTAL, year, asOf);
        AccidentStatistics.Row sum = total.isEmpty()
                ? new AccidentStatistics.Row("ALL", 0, 0, 0, 0, 0, 0, null, null) : total.get(0);
        return new Stats(year, asOf, by, sum, AccidentStatistics.compare(counted, by, year, asOf));
    }

    public SafeDays safeDays(Caller caller, String district) {
        return sinceLastFatal(scope(caller, district), district);
    }

    /** The public counter (安全发展累计日): the city's or one district's, with nothing about who had the accident. */
    public SafeDays publicSafeDays(String district) {
        return sinceLastFatal(district == null ? Filters.empty() : Filters.eq("district", district), district);
    }

    private SafeDays sinceLastFatal(Bson scope, String district) {
        return repository.lastFatal(scope)
                .map(a -> new SafeDays(district, a.occurredOn(), ChronoUnit.DAYS.between(a.occurredOn(), today.date())))
                .orElse(new SafeDays(district, null, null));
    }

    private static Bson scope(Caller caller, String district) {
        List<Bson> parts = new ArrayList<>(List.of(Jurisdiction.filter(caller)));
        if (district != null) {
            parts.add(Filters.eq("district", district));
        }
        return Filters.and(parts);
    }
}
