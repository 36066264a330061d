package io.safetyhub.enterprise.hazard;

import io.safetyhub.enterprise.enterprise.Sector;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Dashboard counts from the hazards of one scope; hazards are few enough per scope to count in memory. */
final class HazardStatsCalculator {
    private HazardStatsCalculator() {
    }

    static HazardStats of(List<Hazard> hazards, Instant now, LocalDate today) {
        Map<HazardStatus, Long> byStatus = new EnumMap<>(HazardStatus.class);
        for (HazardStatus s : HazardStatus.values()) {
            byStatus.put(s, 0L);
        }
        long open = 0;
        long openMajor = 0;
        long overdue = 0;
        Map<String, long[]> groups = new TreeMap<>();
        for (Hazard h : hazards) {
            byStatus.merge(h.status(), 1L, Long::sum);
            if (!h.status().open()) {
                continue;
            }
            open++;
            if (h.overdue(today)) {
                overdue++;
            }
            if (h.grade() == HazardGrade.MAJOR) {
                openMajor++;
                long age = Math.max(0, Duration.between(h.reportedAt(), now).toDays());
                long[] g = groups.computeIfAbsent(h.district() + "\u0000" + h.category().name(), k -> new long[2]);
                g[0]++;
                g[1] = Math.max(g[1], age);
            }
        }
        List<HazardStats.Group> list = new ArrayList<>();
        groups.forEach((key, g) -> {
            String[] parts = key.split("\u0000");
            list.add(new HazardStats.Group(parts[0], Sector.valueOf(parts[1]), g[0], g[1]));
        });
        list.sort(Comparator.comparing(HazardStats.Group::district).thenComparing(HazardStats.Group::sector));
        return new HazardStats(open, openMajor, overdue, byStatus, list);
    }
}
