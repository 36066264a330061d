package io.safetyhub.e2e.published;

import java.util.List;

/**
 * What {@code promtool check metrics} said of one scrape. promtool exits 0 when the exposition parses and lints
 * clean, 3 when it parses but draws lint complaints (one line each, {@code metric_name description}) and 1 when
 * it cannot parse it at all ({@code error while linting: text format parsing error ...}).
 */
record PromtoolCheck(String service, int exitCode, List<String> findings) {

    static PromtoolCheck of(String service, ExternalTool.Run run) {
        List<String> lines = run.both().lines().map(String::strip).filter(line -> !line.isEmpty()).toList();
        return new PromtoolCheck(service, run.exitCode(), lines);
    }

    boolean clean() {
        return exitCode == 0;
    }

    boolean unparseable() {
        return exitCode == 1 || findings.stream().anyMatch(line -> line.contains("parsing error"));
    }

    String describe() {
        return service + ": promtool exit " + exitCode + (findings.isEmpty() ? ", no findings"
                : ", " + findings.size() + " finding(s):\n  " + String.join("\n  ", findings));
    }
}
