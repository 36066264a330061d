package io.safetyhub.warning.stats;

import io.safetyhub.events.AlarmEvent;
import io.safetyhub.warning.alarm.Alarm;
import io.safetyhub.warning.alarm.AlarmFilter;
import io.safetyhub.warning.alarm.AlarmRepository;
import io.safetyhub.warning.alarm.AlarmStore;
import io.safetyhub.warning.enterprise.EnterpriseDirectory;
import io.safetyhub.warning.enterprise.TenantScope;
import io.safetyhub.platform.Caller;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Duration;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Alarm statistics within the caller's scope; months are those of China Standard Time. */
@ApplicationScoped
public class AlarmStatsService {
    private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("yyyy-MM").withZone(ZoneId.of("Asia/Shanghai"));

    private final AlarmRepository repository;
    private final AlarmStore store;
    private final EnterpriseDirectory enterprises;
    private final TenantScope scope;
    /** How long a query waits for the writer before answering with what is stored (MongoDB away). */
    private static final Duration QUERY_WAIT = Duration.ofSeconds(5);

    public AlarmStatsService(AlarmRepository repository, AlarmStore store, EnterpriseDirectory enterprises,
                             TenantScope scope) {
        this.repository = repository;
        this.store = store;
        this.enterprises = enterprises;
        this.scope = scope;
    }

    public AlarmStatsView alarms(Caller caller) {
        store.flushAndWait(QUERY_WAIT); // statuses and values are written behind: current ones first
        List<Alarm> alarms = repository.find(AlarmFilter.within(scope.reach(caller)));
        Map<String, EnterpriseDirectory.Entry> known = new HashMap<>();
        Map<String, Long> byLevel = new TreeMap<>();
        Map<String, Long> bySector = new TreeMap<>();
        Map<String, Long> byDistrict = new TreeMap<>();
        Map<String, List<Alarm>> byEnterpriseMonth = new TreeMap<>();
        long open = 0;
        for (Alarm a : alarms) {
            byEnterpriseMonth.computeIfAbsent(a.enterpriseId() + "|" + MONTH.format(a.raisedAt()), k -> new ArrayList<>())
                    .add(a);
            if (a.status() == AlarmEvent.Status.CLOSED) {
                continue;
            }
            open++;
            byLevel.merge(a.level().name(), 1L, Long::sum);
            EnterpriseDirectory.Entry e = known.computeIfAbsent(a.enterpriseId(), enterprises::get);
            byDistrict.merge(e == null || e.district() == null ? "unknown" : e.district(), 1L, Long::sum);
            for (String sector : e == null || e.sectors().isEmpty() ? List.of("unknown") : e.sectors()) {
                bySector.merge(sector, 1L, Long::sum);
            }
        }
        List<AlarmStatsView.ResponseTimes> times = new ArrayList<>();
        byEnterpriseMonth.forEach((key, list) -> {
            String[] parts = key.split("\\|", 2);
            List<Double> ack = seconds(list, "ACKNOWLEDGE");
            List<Double> clear = seconds(list, "CLEAR");
            times.add(new AlarmStatsView.ResponseTimes(parts[0], parts[1], ack.size(), mean(ack), p90(ack),
                    clear.size(), mean(clear), p90(clear)));
        });
        return new AlarmStatsView(open, byLevel, bySector, byDistrict, times);
    }

    /** Seconds from raising to the audited action (the action, not the status: CLEARED is reached both ways). */
    private static List<Double> seconds(List<Alarm> alarms, String action) {
        List<Double> out = new ArrayList<>();
        for (Alarm a : alarms) {
            a.trail().stream()
                    .filter(t -> action.equals(t.action()))
                    .map(Alarm.Transition::at).min(Comparator.naturalOrder())
                    .ifPresent(at -> out.add(Duration.between(a.raisedAt(), at).toMillis() / 1000.0));
        }
        return out;
    }

    private static Double mean(List<Double> v) {
        return v.isEmpty() ? null : v.stream().mapToDouble(Double::doubleValue).average().orElseThrow();
    }

    /** Nearest-rank 90th percentile. */
    private static Double p90(List<Double> v) {
        if (v.isEmpty()) {
            return null;
        }
        List<Double> sorted = v.stream().sorted().toList();
        return sorted.get((int) Math.ceil(0.9 * sorted.size()) - 1);
    }
}
