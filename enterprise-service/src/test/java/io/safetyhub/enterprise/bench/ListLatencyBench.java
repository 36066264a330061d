package io.safetyhub.enterprise.bench;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.safetyhub.devstack.testing.RealInfraResource;
import io.safetyhub.devstack.testing.TestInfra;
import io.safetyhub.enterprise.enterprise.Enterprise;
import io.safetyhub.enterprise.enterprise.EnterpriseRepository;
import io.safetyhub.enterprise.enterprise.EnterpriseStatus;
import io.safetyhub.enterprise.enterprise.RiskColour;
import io.safetyhub.enterprise.enterprise.Sector;
import io.safetyhub.enterprise.enterprise.StandardisationGrade;
import io.safetyhub.enterprise.enterprise.Uscc;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;

/**
 * List latency of {@code GET /api/enterprises} with 10,000 enterprises on the embedded mongo-wire server,
 * through HTTP with real tokens. Not part of the normal suite (its name does not end in Test: it fills
 * the registry); run with {@code -Dtest=ListLatencyBench}. Writes {@code bench/list-latency.md}; asserts
 * nothing about time, which depends on the machine.
 */
@QuarkusTest
@QuarkusTestResource(RealInfraResource.class)
class ListLatencyBench {
    private static final int ENTERPRISES = 10_000;
    private static final int RUNS = 50;
    private static final String[] DISTRICTS = {"巴南区", "渝北区", "江北区", "九龙坡区", "沙坪坝区", "南岸区", "北碚区", "大渡口区"};

    @Inject
    EnterpriseRepository repository;

    @Test
    void shouldWriteListLatencyWhenRegistryHoldsTenThousandEnterprises() throws IOException {
        long loadStart = System.nanoTime();
        Sector[] sectors = Sector.values();
        RiskColour[] colours = RiskColour.values();
        Instant now = Instant.now();
        for (int i = 0; i < ENTERPRISES; i++) {
            String first17 = "91500" + String.format("%03d", i % 1000) + "MB" + String.format("%07d", i);
            repository.save(new Enterprise(String.format("bench-%05d", i), "基准测试企业" + i + "有限公司",
                    first17 + Uscc.checkCharacter(first17), "测试", "重庆市", DISTRICTS[i % DISTRICTS.length],
                    "街道" + (i % 20), 106.0 + (i % 100) / 100.0, 29.0 + (i % 100) / 100.0,
                    List.of(sectors[i % sectors.length]), colours[i % colours.length], StandardisationGrade.GRADE_3,
                    null, EnterpriseStatus.OPERATING, now, now));
        }
        double loadSeconds = (System.nanoTime() - loadStart) / 1e9;

        Map<String, Map<String, Object>> cases = new java.util.LinkedHashMap<>();
        cases.put("city regulator, first page (size 20)", Map.of());
        cases.put("city regulator, page 250 (size 20)", Map.of("page", 250));
        cases.put("city regulator, size 100", Map.of("size", 100));
        cases.put("district filter 渝北区", Map.of("district", "渝北区"));
        cases.put("sector + risk colour", Map.of("sector", "TOWN_GAS", "riskColour", "RED"));
        cases.put("name search q=9999", Map.of("q", "9999"));
        String city = TestInfra.shared().token("reg.city");
        String banan = TestInfra.shared().token("reg.banan");
        List<String> lines = new ArrayList<>();
        lines.add("# enterprise list latency, " + ENTERPRISES + " enterprises (+ demo seed)");
        lines.add("");
        lines.add("Measured " + Instant.now() + " by ListLatencyBench: embedded mongo-wire (no secondary indexes), "
                + "HTTP via RestAssured on the same 2-core host, real OIDC tokens; " + RUNS + " runs per case after 5 warm-up runs.");
        lines.add("Loading " + ENTERPRISES + " documents took " + String.format("%.1f", loadSeconds) + " s.");
        lines.add("");
        lines.add("| case | p50 ms | p95 ms | max ms | total |");
        lines.add("|---|---|---|---|---|");
        for (Map.Entry<String, Map<String, Object>> c : cases.entrySet()) {
            lines.add(measure(c.getKey(), city, c.getValue()));
        }
        lines.add(measure("district regulator (reg.banan), first page", banan, Map.of()));
        Path out = Path.of("bench", "list-latency.md");
        Files.createDirectories(out.getParent());
        Files.write(out, lines);
        lines.forEach(System.out::println);
    }

    private static String measure(String name, String token, Map<String, Object> params) {
        long[] millis = new long[RUNS];
        Object total = null;
        for (int i = -5; i < RUNS; i++) {
            long start = System.nanoTime();
            total = given().auth().oauth2(token).queryParams(params).when().get("/api/enterprises")
                    .then().statusCode(200).extract().path("total");
            if (i >= 0) {
                millis[i] = (System.nanoTime() - start) / 1_000_000;
            }
        }
        Arrays.sort(millis);
        return "| " + name + " | " + millis[RUNS / 2] + " | " + millis[(int) (RUNS * 0.95)] + " | " + millis[RUNS - 1]
                + " | " + total + " |";
    }
}
