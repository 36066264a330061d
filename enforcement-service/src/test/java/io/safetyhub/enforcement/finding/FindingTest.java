package io.safetyhub.enforcement.finding;

import io.safetyhub.enforcement.checklist.Checklist;
import io.safetyhub.enforcement.inspection.Inspection;
import io.safetyhub.enforcement.roster.Sector;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** A completed inspection's failures become findings with stable ids (the consumers' idempotency key). */
class FindingTest {

    @Test
    void shouldRaiseOneFindingPerFailedItemWithAStableIdWhenAnInspectionCompletes() {
        LocalDate day = LocalDate.of(2026, 11, 23);
        Inspection inspection = new Inspection("in-dr-1-chem-banan-01", "dr-1", "pl-1", "chem-banan-01", "重庆南彭化工储运有限公司",
                "巴南区", "南彭街道", Sector.HAZARDOUS_CHEMICALS, "cl-hazardous-chemicals", "2026.1",
                List.of(new Checklist.Item("HC-MH-05", "紧急切断", "判定标准 第五条", true),
                        new Checklist.Item("HC-G-06", "警示标志", "安全生产法 第三十五条", false),
                        new Checklist.Item("HC-G-07", "演练", "安全生产法 第八十一条", false)),
                List.of(new Inspection.TeamMember("in-banan-01", "张明", "50011300101"),
                        new Inspection.TeamMember("in-banan-02", "李娟", "50011300102")),
                Inspection.Status.COMPLETED, day,
                List.of(new Inspection.ItemResult("HC-G-07", Inspection.Outcome.FAIL, "未演练", Inspection.Grade.GENERAL, day.plusDays(60)),
                        new Inspection.ItemResult("HC-MH-05", Inspection.Outcome.FAIL, "切断阀未投用", Inspection.Grade.MAJOR, day.plusDays(30)),
                        new Inspection.ItemResult("HC-G-06", Inspection.Outcome.PASS, null, null, null)),
                List.of(), "reg.banan", Instant.parse("2026-11-23T01:00:00Z"), null);

        List<Finding> findings = Finding.of(inspection);

        assertEquals(List.of("in-dr-1-chem-banan-01.HC-MH-05", "in-dr-1-chem-banan-01.HC-G-07"),
                findings.stream().map(Finding::id).toList());
        assertEquals(Inspection.Grade.MAJOR, findings.get(0).grade());
        assertEquals("判定标准 第五条", findings.get(0).legalBasis());
        assertEquals(List.of("张明（执法证号 50011300101）", "李娟（执法证号 50011300102）"), findings.get(0).inspectors());
        assertEquals(Finding.of(inspection), findings, "raising again gives the same findings");
    }
}
