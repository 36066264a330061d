package io.safetyhub.emergency.accident;

import io.safetyhub.emergency.accident.AccidentStatistics.Counted;
import io.safetyhub.emergency.accident.AccidentStatistics.Group;
import io.safetyhub.emergency.accident.AccidentStatistics.Row;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class AccidentStatisticsTest {
    private static Counted at(String day, String district, String sector, int deaths) {
        return new Counted(LocalDate.parse(day), district, sector, new Casualties(deaths, 0, 1000));
    }

    private final List<Counted> accidents = List.of(
            at("2026-02-10", "巴南区", "CONSTRUCTION", 1),
            at("2026-05-03", "巴南区", "HAZARDOUS_CHEMICALS", 0),
            at("2025-02-11", "巴南区", "CONSTRUCTION", 2),
            at("2025-03-01", "巴南区", "CONSTRUCTION", 0),
            at("2025-11-20", "巴南区", "CONSTRUCTION", 3),   // after the cut-off of the running year: not compared
            at("2026-01-05", "渝北区", "CONSTRUCTION", 0));

    @Test
    void shouldCompareWithTheSameStretchOfTheYearBeforeWhenTheYearIsRunning() {
        Row banan = AccidentStatistics.compare(accidents, Group.DISTRICT, 2026, LocalDate.of(2026, 6, 30)).get(0);
        assertEquals("巴南区", banan.key());
        assertEquals(2, banan.accidents());
        assertEquals(1, banan.deaths());
        assertEquals(2, banan.previousAccidents());
        assertEquals(2, banan.previousDeaths());
        assertEquals(new BigDecimal("0.0"), banan.accidentsChangePercent());
        assertEquals(new BigDecimal("-50.0"), banan.deathsChangePercent());
    }

    @Test
    void shouldLeaveTheChangeOutWhenTheYearBeforeHadNone() {
        Row yubei = AccidentStatistics.compare(accidents, Group.DISTRICT, 2026, LocalDate.of(2026, 6, 30)).get(1);
        assertEquals("渝北区", yubei.key());
        assertNull(yubei.accidentsChangePercent());
    }

    @Test
    void shouldCountTheWholeYearBeforeWhenAPastYearIsAsked() {
        Row all = AccidentStatistics.compare(accidents, Group.TOTAL, 2025, LocalDate.of(2025, 12, 31)).get(0);
        assertEquals(3, all.accidents());
        assertEquals(5, all.deaths());
    }

    @Test
    void shouldKeyMonthsAsYearAndMonthWhenGroupedByMonth() {
        List<Row> months = AccidentStatistics.compare(accidents, Group.MONTH, 2026, LocalDate.of(2026, 6, 30));
        assertEquals(List.of("2026-01", "2026-02", "2026-03", "2026-05"), months.stream().map(Row::key).toList());
        assertEquals(0, months.get(2).accidents());
        assertEquals(1, months.get(2).previousAccidents());
    }

    @Test
    void shouldGroupBySectorWhenAsked() {
        List<Row> sectors = AccidentStatistics.compare(accidents, Group.SECTOR, 2026, LocalDate.of(2026, 6, 30));
        assertEquals(List.of("CONSTRUCTION", "HAZARDOUS_CHEMICALS"), sectors.stream().map(Row::key).toList());
        assertEquals(2, sectors.get(0).accidents());
        assertEquals(new BigDecimal("0.0"), sectors.get(0).accidentsChangePercent());
    }
}
