package io.safetyhub.e2e.published;

import io.restassured.path.json.JsonPath;
import io.safetyhub.devstack.testing.TestInfra;
import io.safetyhub.e2e.E2ePlatform;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Outside tools accept what the platform publishes: the gateway's merged OpenAPI passes the independent linter
 * Redocly CLI's {@code recommended} rules without an error, and every service's {@code /q/metrics} passes
 * {@code promtool check metrics} (parses as the 0.0.4 text format and draws no lint complaint). What was fetched
 * and what each tool said land in {@code target/published/}.
 */
class PublishedLintIT {
    static final List<String> APPS = List.of("enterprise-service", "device-adapter", "warning-service",
            "training-service", "enforcement-service", "emergency-service", "gateway");
    private static final Path OUT = Path.of("target", "published");
    private static final Duration MERGE_WAIT = Duration.ofSeconds(60);
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    /** Redocly CLI asks the network for updates and sends usage data unless told not to. */
    private static final Map<String, String> QUIET_REDOCLY = Map.of("REDOCLY_TELEMETRY", "off",
            "REDOCLY_SUPPRESS_UPDATE_NOTICE", "true", "NO_COLOR", "1");
    private static Map<String, String> apps;

    @BeforeAll
    static void startPlatform() throws Exception {
        apps = E2ePlatform.start(APPS);
        Files.createDirectories(OUT);
    }

    @Test
    void shouldPassRedoclyRecommendedRulesWithoutErrorWhenGatewayMergesEveryService() throws Exception {
        ExternalTool redocly = new ExternalTool(Path.of(System.getProperty("safetyhub.redocly",
                "target/redocly/node_modules/.bin/redocly")),
                "the e2e build installs Redocly CLI there from npm (./mvnw -pl e2e verify); is npm on the PATH?")
                .requireInstalled();
        // The gateway may have merged while a service was still starting: wait for a merge that has them all.
        String document = await().atMost(MERGE_WAIT).until(() -> get(apps.get("gateway") + "/q/openapi?format=json",
                "application/json"), body -> JsonPath.from(body).getList("x-safetyhub-unavailable").isEmpty());
        Path file = OUT.resolve("openapi.json");
        Files.writeString(file, document);
        // Each service's own document beside it, to tell a merge defect from a service's.
        for (String app : APPS.subList(0, APPS.size() - 1)) {
            Files.writeString(OUT.resolve("openapi-" + app + ".json"), get(apps.get(app) + "/q/openapi?format=json",
                    "application/json"));
        }

        ExternalTool.Run run = redocly.run(List.of("lint", file.toAbsolutePath().toString(), "--extends=recommended",
                "--format=json", "--max-problems=100000", "--lint-config=off"), null, QUIET_REDOCLY,
                Duration.ofMinutes(2), OUT);
        LintReport report = LintReport.parse(jsonPart(run.stdout()));
        Files.writeString(OUT.resolve("openapi-lint.txt"), report.describe());
        System.out.println("[redocly] " + report.describe().lines().limit(30).reduce((a, b) -> a + "\n" + b).orElse(""));

        assertEquals(0, report.errors(), () -> "Redocly CLI (recommended) errors in the merged OpenAPI:\n"
                + report.withSeverity("error").stream().map(Object::toString).reduce((a, b) -> a + "\n" + b).orElse("")
                + "\nfull report: " + OUT.resolve("openapi-lint.txt").toAbsolutePath());
    }

    /**
     * promtool lints the Prometheus text format 0.0.4, which is what a scrape asking for {@code text/plain} gets:
     * that must pass clean. What {@code curl} gets by default (Accept: any type) is OpenMetrics, which
     * promtool 2.42 reads with the same 0.0.4 parser: it must parse (a {@code \"} in a HELP line once broke it),
     * while its complaints about OpenMetrics' counter families (HELP on {@code x}, samples on {@code x_total}) are
     * the parser's mismatch, reported in {@code metrics-<app>-openmetrics-promtool.txt}, not a defect.
     */
    @ParameterizedTest
    // The gateway serves /q/metrics on its management port; TestInfra.managementUrl says where each app serves it.
    @ValueSource(strings = {"enterprise-service", "device-adapter", "warning-service", "training-service",
            "enforcement-service", "emergency-service", "gateway"})
    void shouldPassPromtoolCheckMetricsWhenServiceIsScraped(String app) throws Exception {
        ExternalTool promtool = new ExternalTool(Path.of(System.getProperty("safetyhub.promtool", "/usr/bin/promtool")),
                "bin/safetyhub test installs it (Debian package prometheus); or apt-get install --no-install-recommends prometheus")
                .requireInstalled();
        PromtoolCheck text = check(promtool, app, "text/plain; version=0.0.4", "");
        PromtoolCheck negotiated = check(promtool, app, "*/*", "-openmetrics");

        assertTrue(text.clean(), text::describe);
        assertFalse(negotiated.unparseable(), negotiated::describe);
    }

    private static PromtoolCheck check(ExternalTool promtool, String app, String accept, String suffix) throws Exception {
        String url = TestInfra.shared().managementUrl(app) + "/q/metrics";
        HttpResponse<String> scrape = send(url, accept);
        assertEquals(200, scrape.statusCode(), () -> "GET " + url + " answered " + scrape.statusCode());
        Files.writeString(OUT.resolve("metrics-" + app + suffix + ".txt"), scrape.body());
        PromtoolCheck check = PromtoolCheck.of(app, promtool.run(List.of("check", "metrics"), scrape.body(), Map.of(),
                Duration.ofSeconds(30), OUT));
        Files.writeString(OUT.resolve("metrics-" + app + suffix + "-promtool.txt"), check.describe() + "\n");
        System.out.println("[promtool] " + accept + " " + check.describe().lines().limit(6)
                .reduce((a, b) -> a + "\n" + b).orElse(""));
        return check;
    }

    private static String get(String url, String accept) throws Exception {
        HttpResponse<String> response = send(url, accept);
        assertEquals(200, response.statusCode(), () -> "GET " + url + ": " + response.body());
        return response.body();
    }

    private static HttpResponse<String> send(String url, String accept) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(url)).header("Accept", accept)
                .timeout(Duration.ofSeconds(30)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Redocly prints a Node.js deprecation banner around its JSON on some Node versions: keep the JSON. */
    private static String jsonPart(String stdout) {
        int start = stdout.indexOf('{');
        int end = stdout.lastIndexOf('}');
        if (start < 0 || end < start) {
            throw new IllegalStateException("Redocly CLI printed no JSON report:\n" + stdout);
        }
        return stdout.substring(start, end + 1);
    }
}
