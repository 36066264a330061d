package io.safetyhub.e2e.published;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * What Redocly CLI's {@code lint --format=json} found: its totals and every problem with the rule that raised it
 * and where in the document ({@code pointer}), so that a failing test names the operation to fix.
 */
record LintReport(int errors, int warnings, List<Problem> problems) {

    /** One finding; {@code severity} is {@code error} or {@code warn}. */
    record Problem(String ruleId, String severity, String message, String pointer) {
        @Override
        public String toString() {
            return severity + " " + ruleId + " at " + pointer + ": " + message;
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    static LintReport parse(String redoclyJson) throws IOException {
        JsonNode root = JSON.readTree(redoclyJson);
        if (root == null || !root.has("totals")) {
            throw new IllegalArgumentException("not a Redocly lint report: "
                    + redoclyJson.substring(0, Math.min(300, redoclyJson.length())));
        }
        List<Problem> problems = new ArrayList<>();
        for (JsonNode problem : root.path("problems")) {
            problems.add(new Problem(problem.path("ruleId").asText(), problem.path("severity").asText(),
                    problem.path("message").asText(), problem.path("location").path(0).path("pointer").asText()));
        }
        return new LintReport(root.path("totals").path("errors").asInt(), root.path("totals").path("warnings").asInt(),
                List.copyOf(problems));
    }

    List<Problem> withSeverity(String severity) {
        return problems.stream().filter(p -> p.severity().equals(severity)).toList();
    }

    /** Problem count per rule, e.g. {@code warn operation-4xx-response=3}, sorted for a stable report. */
    Map<String, Long> countsByRule() {
        return problems.stream().collect(Collectors.groupingBy(p -> p.severity() + " " + p.ruleId(), TreeMap::new,
                Collectors.counting()));
    }

    /** Totals, counts per rule, then every problem on its own line. */
    String describe() {
        StringBuilder text = new StringBuilder()
                .append(errors).append(" errors, ").append(warnings).append(" warnings\n");
        countsByRule().forEach((rule, count) -> text.append("  ").append(rule).append(": ").append(count).append('\n'));
        problems.forEach(p -> text.append(p).append('\n'));
        return text.toString();
    }
}
