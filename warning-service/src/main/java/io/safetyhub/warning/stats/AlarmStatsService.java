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
import java.util.OptionalDouble;
import java.util.TreeMap;
import java.util.stream.DoubleStream;

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
        Map<String, EnterpriseDirectory.Entry> known = new HashMap<>();
        Map<String, Long> byLevel = new TreeMap<>();
        Map<String, Long> bySector = new TreeMap<>();
        Map<String, Long> byDistrict = new TreeMap<>();
        // Folded as the alarms stream past: per enterprise and month two columns of seconds, never the alarms.
        Map<String, Seconds> byEnterpriseMonth = new TreeMap<>();
        long[] open = {0};
        repository.forEach(AlarmFilter.within(scope.reach(caller)), a -> {
            byEnterpriseMonth.computeIfAbsent(a.enterpriseId() + "|" + MONTH.format(a.raisedAt()), k -> new Seconds())
                    .add(a);
            if (a.status() == AlarmEvent.Status.CLOSED) {
                return;
            }
            open[0]++;
            byLevel.merge(a.level().name(), 1L, Long::sum);
            EnterpriseDirectory.Entry e = known.computeIfAbsent(a.enterpriseId(), enterprises::get);
            byDistrict.merge(e == null || e.district() == null ? "unknown" : e.district(), 1L, Long::sum);
            for (String sector : e == null || e.sectors().isEmpty() ? List.of("unknown") : e.sectors()) {
                bySector.merge(sector, 1L, Long::sum);
            }
        });
        List<AlarmStatsView.ResponseTimes> times = new ArrayList<>();
        byEnterpriseMonth.forEach((key, seconds) -> {
            String[] parts = key.split("\\|", 2);
            double[] ack = seconds.acknowledge.build().sorted().toArray();
            double[] clear = seconds.clear.build().sorted().toArray();
            times.add(new AlarmStatsView.ResponseTimes(parts[0], parts[1], ack.length, mean(ack), p90(ack),
                    clear.length, mean(clear), p90(clear)));
        });
        return new AlarmStatsView(open[0], byLevel, bySector, byDistrict, times);
    }

    /** One enterprise-month's seconds from raising to the first acknowledgement and to the first clearing. */
    private static final class Seconds {
        final DoubleStream.Builder acknowledge = DoubleStream.builder();
        final DoubleStream.Builder clear = DoubleStream.builder();

        void add(Alarm a) {
            first(a, "ACKNOWLEDGE").ifPresent(acknowledge);
            first(a, "CLEAR").ifPresent(clear);
        }

        /** Seconds to the audited action (the action, not the status: CLEARED is reached both ways). */
        private static OptionalDouble first(Alarm a, String action) {
            return a.trail().stream()
                    .filter(t -> action.equals(t.action()))
                    .map(Alarm.Transition::at).min(Comparator.naturalOrder())
                    .map(at -> OptionalDouble.of(Duration.between(a.raisedAt(), at).toMillis() / 1000.0))
                    .orElse(OptionalDouble.empty());
        }
    }

    private static Double mean(double[] v) {
        return v.length == 0 ? null : DoubleStream.of(v).average().orElseThrow();
    }

    /** Nearest-rank 90th percentile. */
    private static Double p90(double[] sorted) {
        if (sorted.length == 0) {
            return null;
        }
        return sorted[(int) Math.ceil(0.9 * sorted.length) - 1];
    }
}
