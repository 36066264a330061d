package io.safetyhub.emergency.accident;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.MonthDay;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * Year-on-year accident figures (同比), by district, sector or month. The year is compared with the same stretch of
 * the year before: for the running year January 1 to {@code asOf}, against January 1 to the same day a year earlier,
 * so that a half-year is never set against a whole one. A change is in percent, one decimal, and null when the year
 * before had none (no base to compare with).
 */
public final class AccidentStatistics {

    /** TOTAL: one row, key {@code ALL}, for the overview's figures. */
    public enum Group { DISTRICT, SECTOR, MONTH, TOTAL }

    public record Row(String key, int accidents, int deaths, int seriousInjuries, long directLossYuan,
                      int previousAccidents, int previousDeaths, BigDecimal accidentsChangePercent,
                      BigDecimal deathsChangePercent) {
    }

    /** One accident as the statistics count it. */
    public record Counted(LocalDate occurredOn, String district, String sector, Casualties casualties) {
    }

    private AccidentStatistics() {
    }

    /**
     * @param accidents the accidents in the caller's scope of both years (others are ignored)
     * @param asOf      the last day counted: today for the running year, December 31 for a past one
     */
    public static List<Row> compare(List<Counted> accidents, Group group, int year, LocalDate asOf) {
        MonthDay cutOff = MonthDay.from(asOf.getYear() == year ? asOf : LocalDate.of(year, 12, 31));
        Function<Counted, String> key = switch (group) {
            case DISTRICT -> Counted::district;
            case SECTOR -> Counted::sector;
            case MONTH -> c -> String.format("%02d", c.occurredOn().getMonthValue());
            case TOTAL -> c -> "ALL";
        };
        Map<String, int[]> current = new TreeMap<>();
        Map<String, int[]> previous = new TreeMap<>();
        Map<String, Long> losses = new TreeMap<>();
        for (Counted c : accidents) {
            int y = c.occurredOn().getYear();
            if ((y != year && y != year - 1) || MonthDay.from(c.occurredOn()).isAfter(cutOff)) {
                continue;
            }
            String k = key.apply(c) == null ? "-" : key.apply(c);
            int[] sums = (y == year ? current : previous).computeIfAbsent(k, x -> new int[3]);
            sums[0]++;
            sums[1] += c.casualties().deaths();
            sums[2] += c.casualties().seriousInjuries();
            if (y == year) {
                losses.merge(k, c.casualties().directLossYuan(), Long::sum);
            }
            (y == year ? previous : current).computeIfAbsent(k, x -> new int[3]);
        }
        return current.entrySet().stream().map(e -> {
            int[] now = e.getValue();
            int[] before = previous.get(e.getKey());
            return new Row(group == Group.MONTH ? year + "-" + e.getKey() : e.getKey(), now[0], now[1], now[2],
                    losses.getOrDefault(e.getKey(), 0L), before[0], before[1], change(now[0], before[0]), change(now[1], before[1]));
        }).toList();
    }

    static BigDecimal change(int now, int before) {
        if (before == 0) {
            return null;
        }
        return BigDecimal.valueOf((long) (now - before) * 100).divide(BigDecimal.valueOf(before), 1, RoundingMode.HALF_UP);
    }
}
