package io.safetyhub.bench;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import org.bson.Document;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code bench/run enterprise-list}: latency of {@code GET /api/enterprises} through the gateway with real tokens while
 * the registry holds {@code --enterprises} (10,000) more enterprises. They are written straight into
 * enterprise-service's collection, in the shape its repository stores, so that loading them measures nothing; their
 * ids start with {@code bench-} and they are removed afterwards. Replaces the {@code ListLatencyBench} that lived in
 * enterprise-service's test tree.
 */
final class EnterpriseListLatency {
    private static final String[] DISTRICTS = {"巴南区", "渝北区", "江北区", "九龙坡区", "沙坪坝区", "南岸区", "北碚区", "大渡口区"};
    private static final String[] SECTORS = {"HAZARDOUS_CHEMICALS", "CONSTRUCTION", "TOWN_GAS", "INDUSTRY_TRADE"};
    private static final String[] COLOURS = {"RED", "ORANGE", "YELLOW", "BLUE"};

    private EnterpriseListLatency() {
    }

    static int run(Target target, Options o) throws Exception {
        int enterprises = o.integer("enterprises", 10_000);
        int runs = o.integer("runs", 50);
        String name = o.get("name", "enterprise-list-latency");
        o.rejectUnknown();
        Map<String, String> cases = new LinkedHashMap<>();
        cases.put("city regulator, first page (size 20)", "");
        cases.put("city regulator, page 250 (size 20)", "page=250");
        cases.put("city regulator, size 100", "size=100");
        cases.put("district filter 渝北区", "district=%E6%B8%9D%E5%8C%97%E5%8C%BA");
        cases.put("sector + risk colour", "sector=TOWN_GAS&riskColour=RED");
        cases.put("name search q=9999", "q=9999");
        String city = Tokens.password(target.keycloakUrl(), "reg.city", "safetyhub");
        String banan = Tokens.password(target.keycloakUrl(), "reg.banan", "safetyhub");
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        try (MongoClient mongo = MongoClients.create(target.mongo())) {
            MongoCollection<Document> collection = mongo.getDatabase("safetyhub_enterprise").getCollection("enterprises");
            collection.deleteMany(Filters.regex("_id", "^bench-"));
            long loadStart = System.nanoTime();
            List<Document> batch = new ArrayList<>();
            for (int i = 0; i < enterprises; i++) {
                batch.add(enterprise(i));
                if (batch.size() == 500 || i == enterprises - 1) {
                    collection.insertMany(batch);
                    batch.clear();
                }
            }
            double loadSeconds = (System.nanoTime() - loadStart) / 1e9;
            StringBuilder table = new StringBuilder("| case | p50 ms | p90 ms | p99 ms | max ms | total |\n|---|---|---|---|---|---|\n");
            Map<String, Object> result = new LinkedHashMap<>(Report.machine(target.root()));
            result.put("enterprises", enterprises);
            result.put("loadSeconds", loadSeconds);
            for (Map.Entry<String, String> c : cases.entrySet()) {
                table.append(measure(http, target.gatewayUrl(), c.getKey(), city, c.getValue(), runs, result));
            }
            table.append(measure(http, target.gatewayUrl(), "district regulator (reg.banan), first page", banan, "", runs, result));
            collection.deleteMany(Filters.regex("_id", "^bench-"));
            String text = "# enterprise list latency through the gateway (`bench/run enterprise-list`)\n\n"
                    + Report.describe(result) + "\n\n" + String.format("%,d", enterprises)
                    + " extra enterprises written straight into mongo-wire in " + String.format("%.1f", loadSeconds)
                    + " s; " + runs + " calls per case after 5 warm-up calls, real tokens.\n\n" + table;
            Path dir = target.root().resolve("bench/results");
            Report.writeJson(dir.resolve(name + ".json"), result);
            Report.writeMarkdown(dir.resolve(name + ".md"), text);
            System.out.print(text);
            return 0;
        }
    }

    private static Document enterprise(int i) {
        Date now = new Date();
        return new Document("_id", String.format("bench-%05d", i))
                .append("name", "基准测试企业" + i + "有限公司")
                .append("uscc", String.format("91500%03dMB%07d", i % 1000, i) + "X")
                .append("legalRepresentative", "测试").append("address", "重庆市")
                .append("district", DISTRICTS[i % DISTRICTS.length]).append("town", "街道" + (i % 20))
                .append("sectors", List.of(SECTORS[i % SECTORS.length]))
                .append("riskColour", COLOURS[i % COLOURS.length]).append("standardisationGrade", "GRADE_3")
                .append("status", "OPERATING").append("createdAt", now).append("updatedAt", now)
                .append("location", new Document("type", "Point")
                        .append("coordinates", List.of(106.0 + (i % 100) / 100.0, 29.0 + (i % 100) / 100.0)));
    }

    private static String measure(HttpClient http, String gateway, String label, String token, String query, int runs,
                                  Map<String, Object> result) throws Exception {
        List<Long> micros = new ArrayList<>();
        String total = "?";
        for (int i = -5; i < runs; i++) {
            long start = System.nanoTime();
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(gateway + "/api/enterprises"
                    + (query.isEmpty() ? "" : "?" + query))).header("Authorization", "Bearer " + token).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() != 200) {
                throw new IllegalStateException(label + ": HTTP " + r.statusCode() + " " + r.body());
            }
            if (i >= 0) {
                micros.add((System.nanoTime() - start) / 1000);
            }
            total = r.body().replaceAll("(?s).*\"total\"\\s*:\\s*(\\d+).*", "$1");
        }
        Percentiles p = Percentiles.of(micros);
        result.put(label, Map.of("p50Ms", p.p50() / 1000.0, "p90Ms", p.p90() / 1000.0, "p99Ms", p.p99() / 1000.0,
                "maxMs", p.max() / 1000.0, "total", total));
        return String.format("| %s | %.1f | %.1f | %.1f | %.1f | %s |%n", label, p.p50() / 1000.0, p.p90() / 1000.0,
                p.p99() / 1000.0, p.max() / 1000.0, total);
    }
}
