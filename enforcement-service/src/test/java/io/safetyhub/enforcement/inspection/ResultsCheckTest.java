package io.safetyhub.enforcement.inspection;

import io.safetyhub.enforcement.checklist.Checklist;
import io.safetyhub.platform.rest.DomainException;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;

import static io.safetyhub.enforcement.inspection.Inspection.Outcome.FAIL;
import static io.safetyhub.enforcement.inspection.Inspection.Outcome.NOT_APPLICABLE;
import static io.safetyhub.enforcement.inspection.Inspection.Outcome.PASS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** An inspection's results against its checklist, checked before anything is stored. */
class ResultsCheckTest {
    private static final LocalDate TODAY = LocalDate.of(2026, 11, 23);
    private static final List<Checklist.Item> ITEMS = List.of(
            new Checklist.Item("HC-MH-05", "重大危险源罐区未实现紧急切断功能", "判定标准 第五条", true),
            new Checklist.Item("HC-G-06", "安全警示标志", "安全生产法 第三十五条", false),
            new Checklist.Item("HC-G-07", "应急预案演练", "安全生产法 第八十一条", false));

    private static ResultsRequest.Result pass(String code) {
        return new ResultsRequest.Result(code, PASS, null, null, null);
    }

    private static ResultsRequest.Result fail(String code, Inspection.Grade grade, LocalDate deadline) {
        return new ResultsRequest.Result(code, FAIL, "2号罐区切断阀未投用", grade, deadline);
    }

    private static String fieldOf(List<ResultsRequest.Result> results) {
        DomainException e = assertThrows(DomainException.class,
                () -> ResultsCheck.check(ITEMS, new ResultsRequest(null, results), TODAY));
        assertEquals(400, e.status());
        return e.errors().get(0).field();
    }

    @Test
    void shouldGradeAMajorCriterionMajorWhenItFailsWithoutAGrade() {
        List<Inspection.ItemResult> out = ResultsCheck.check(ITEMS, new ResultsRequest(null, List.of(
                fail("HC-MH-05", null, TODAY.plusDays(30)), pass("HC-G-06"),
                new ResultsRequest.Result("HC-G-07", NOT_APPLICABLE, "无演练要求", null, null))), TODAY);

        assertEquals(Inspection.Grade.MAJOR, out.get(0).grade());
        assertEquals(TODAY.plusDays(30), out.get(0).deadline());
        assertEquals(null, out.get(1).grade());
    }

    @Test
    void shouldNameTheResultsWhenChecklistItemsAreMissing() {
        DomainException e = assertThrows(DomainException.class, () -> ResultsCheck.check(ITEMS,
                new ResultsRequest(null, List.of(pass("HC-G-06"))), TODAY));
        assertEquals("results", e.errors().get(0).field());
        assertEquals("CHECKLIST_INCOMPLETE", e.code());
        assertTrue(e.getMessage().contains("HC-MH-05") && e.getMessage().contains("HC-G-07"), e.getMessage());
    }

    @Test
    void shouldNameTheItemWhenACodeIsNotOnTheChecklist() {
        assertEquals("results[3].code", fieldOf(List.of(pass("HC-MH-05"), pass("HC-G-06"), pass("HC-G-07"), pass("XX-01"))));
    }

    @Test
    void shouldNameTheItemWhenItIsAnsweredTwice() {
        assertEquals("results[1].code", fieldOf(List.of(pass("HC-G-06"), pass("HC-G-06"), pass("HC-MH-05"), pass("HC-G-07"))));
    }

    @Test
    void shouldRefuseDowngradingAMajorCriterionWhenItFails() {
        // 重大事故隐患判定标准: an item of the criterion found failed is a major hazard by definition.
        assertEquals("results[0].grade", fieldOf(List.of(fail("HC-MH-05", Inspection.Grade.GENERAL, TODAY.plusDays(10)),
                pass("HC-G-06"), pass("HC-G-07"))));
    }

    @Test
    void shouldRequireADeadlineWithinAYearWhenAnItemFails() {
        assertEquals("results[1].deadline", fieldOf(List.of(pass("HC-MH-05"), fail("HC-G-06", null, null), pass("HC-G-07"))));
        assertEquals("results[1].deadline", fieldOf(List.of(pass("HC-MH-05"), fail("HC-G-06", null, TODAY), pass("HC-G-07"))));
        assertEquals("results[1].deadline", fieldOf(List.of(pass("HC-MH-05"),
                fail("HC-G-06", null, TODAY.plusDays(ResultsCheck.MAX_DEADLINE_DAYS + 1)), pass("HC-G-07"))));
    }

    @Test
    void shouldRequireWhatWasFoundWhenAnItemFails() {
        assertEquals("results[1].note", fieldOf(List.of(pass("HC-MH-05"),
                new ResultsRequest.Result("HC-G-06", FAIL, " ", null, TODAY.plusDays(5)), pass("HC-G-07"))));
    }

    @Test
    void shouldRefuseAnInspectionDayInTheFutureWhenRecording() {
        DomainException e = assertThrows(DomainException.class, () -> ResultsCheck.check(ITEMS,
                new ResultsRequest(TODAY.plusDays(1), List.of(pass("HC-MH-05"), pass("HC-G-06"), pass("HC-G-07"))), TODAY));
        assertEquals("inspectedOn", e.errors().get(0).field());
    }
}
