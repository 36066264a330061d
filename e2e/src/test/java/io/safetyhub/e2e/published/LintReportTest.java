package io.safetyhub.e2e.published;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LintReportTest {
    /** Trimmed from a real {@code redocly lint --format=json} run (2.77.0). */
    private static final String REPORT = """
            {"totals":{"errors":1,"warnings":2,"ignored":0},"version":"2.77.0","problems":[
             {"ruleId":"security-defined","severity":"error","message":"Every operation should have security defined on it or on the root level.",
              "location":[{"source":{"ref":"openapi.json"},"pointer":"#/paths/~1api~1hazards/get","reportOnKey":true}]},
             {"ruleId":"operation-4xx-response","severity":"warn","message":"Operation must have at least one `4XX` response.",
              "location":[{"source":{"ref":"openapi.json"},"pointer":"#/paths/~1api~1public/get/responses"}]},
             {"ruleId":"info-license","severity":"warn","message":"Info object should contain `license` field.",
              "location":[{"source":{"ref":"openapi.json"},"pointer":"#/info"}]}]}""";

    @Test
    void shouldCountAndLocateEveryProblemWhenRedoclyReportsThem() throws Exception {
        LintReport report = LintReport.parse(REPORT);
        assertEquals(1, report.errors());
        assertEquals(2, report.warnings());
        assertEquals(List.of("#/paths/~1api~1hazards/get"),
                report.withSeverity("error").stream().map(LintReport.Problem::pointer).toList());
        assertEquals(Map.of("error security-defined", 1L, "warn info-license", 1L, "warn operation-4xx-response", 1L),
                report.countsByRule());
        assertTrue(report.describe().startsWith("1 errors, 2 warnings\n"), report.describe());
    }

    @Test
    void shouldRefuseOutputThatIsNoReportWhenRedoclyFailsOtherwise() {
        assertThrows(IllegalArgumentException.class, () -> LintReport.parse("{\"message\":\"cannot read file\"}"));
    }

    @Test
    void shouldTellParseFailureFromLintComplaintsWhenPromtoolAnswers() {
        PromtoolCheck lint = PromtoolCheck.of("svc", new ExternalTool.Run(3, "",
                "system_cpu_count non-histogram and non-summary metrics should not have '_count' suffix\n"));
        PromtoolCheck broken = PromtoolCheck.of("svc", new ExternalTool.Run(1, "",
                "error while linting: text format parsing error in line 3: invalid escape sequence"));
        PromtoolCheck clean = PromtoolCheck.of("svc", new ExternalTool.Run(0, "", ""));
        assertFalse(lint.clean());
        assertFalse(lint.unparseable());
        assertTrue(broken.unparseable());
        assertTrue(clean.clean());
        assertTrue(lint.describe().contains("1 finding(s)"), lint.describe());
    }
}
