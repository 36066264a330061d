package io.safetyhub.enforcement.loop;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.safetyhub.devstack.testing.RealInfraResource;
import io.safetyhub.devstack.testing.TestInfra;
import io.safetyhub.enforcement.posting.PostingDue;
import io.safetyhub.enforcement.reinspection.ReinspectionDue;
import io.safetyhub.enforcement.roster.RosterRepository;
import io.safetyhub.enforcement.support.DemoRegistry;
import io.safetyhub.enforcement.support.Flow;
import io.safetyhub.events.InspectionFinding;
import io.safetyhub.events.Topics;
import io.safetyhub.events.serde.InspectionFindingDeserializer;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;

import java.security.MessageDigest;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static io.safetyhub.enforcement.support.Calls.as;
import static io.safetyhub.enforcement.support.Calls.today;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The whole enforcement loop in this service, with real tokens, Kafka and MongoDB: plan, draw (re-run reproduces it,
 * a redraw keeps both), inspection with a photo, findings on Kafka, penalty case to 结案, re-inspection to listed
 * supervision, public posting seen anonymously and withdrawn on revocation, and the full record exported.
 */
@QuarkusTest
@QuarkusTestResource(value = RealInfraResource.class, restrictToAnnotatedClass = false)
class EnforcementLoopIT {
    @Inject
    RosterRepository roster;
    @Inject
    ReinspectionDue reinspectionDue;
    @Inject
    PostingDue postingDue;

    @Test
    void shouldCloseTheWholeLoopWhenARegulatorInspectsFinesAndReinspects() throws Exception {
        DemoRegistry.ensure(roster);
        try (KafkaConsumer<String, InspectionFinding> consumer = findingsConsumer()) {
            // Plan and draw; anyone re-runs the draw and gets the same result; a redraw keeps both on record.
            String plan = Flow.plan("reg.banan", null, "HAZARDOUS_CHEMICALS", 1);
            JsonPath first = Flow.draw("reg.banan", plan);
            assertEquals("chem-banan-01", first.getString("results[0].enterpriseId"));
            assertEquals(2, first.getList("results[0].inspectors").size());
            assertTrue(!first.getList("results[0].inspectors.inspectorId").contains("in-banan-03"), "王强 declared a conflict");
            as("anonymous").get("/api/public/enforcement/draws/" + first.getString("id") + "/verification").then()
                    .statusCode(200).body("reproduced", equalTo(true)).body("seed", equalTo(first.getString("seed")));
            as("reg.banan").body(Map.of("reason", "抽取时名录库未同步最新停产企业")).post("/api/enforcement/draws/"
                    + first.getString("id") + "/redraw").then().statusCode(201);
            JsonPath draw = as("reg.banan").get("/api/enforcement/plans/" + plan).then().extract().jsonPath();
            String drawId = draw.getString("drawId");
            assertNotEquals(first.getString("id"), drawId);
            as("anonymous").get("/api/public/enforcement/draws/" + first.getString("id")).then().statusCode(200)
                    .body("status", equalTo("SUPERSEDED")).body("supersededBy", equalTo(drawId))
                    .body("redrawReason", containsString("名录库"));
            as("anonymous").get("/api/public/enforcement/draws/" + drawId).then().statusCode(200)
                    .body("supersedes", equalTo(first.getString("id"))).body("results[0].enterpriseName", equalTo("重庆南彭化工储运有限公司"));
            as("reg.city").get("/api/enforcement/draws/" + drawId + "/verification").then().body("reproduced", equalTo(true));

            // On-site inspection with a photo, results, both inspectors sign.
            String inspection = Flow.open("reg.banan", drawId, "chem-banan-01").getString("id");
            byte[] photo = Flow.photo();
            String evidence = as("reg.banan").contentType("multipart/form-data").multiPart("file", "IMG_0001.jpg", photo, "image/jpeg")
                    .multiPart("itemCode", "HC-MH-05").post("/api/enforcement/inspections/" + inspection + "/evidence")
                    .then().statusCode(201).body("contentType", equalTo("image/jpeg")).extract().path("id");
            byte[] back = as("ent.chem").get("/api/enforcement/inspections/" + inspection + "/evidence/" + evidence)
                    .then().statusCode(200).contentType("image/jpeg").extract().asByteArray();
            assertArrayEquals(photo, back);
            Flow.record("reg.banan", inspection, Set.of("HC-MH-05", "HC-G-06"), 30);
            JsonPath completed = Flow.signAll("reg.banan", inspection);
            assertEquals("COMPLETED", completed.getString("status"));

            // Findings leave on Kafka, keyed by the enterprise, idempotency key findingId.
            String major = inspection + ".HC-MH-05";
            List<ConsumerRecord<String, InspectionFinding>> seen = new ArrayList<>();
            await().pollInSameThread().atMost(Duration.ofSeconds(30)).until(() -> {
                consumer.poll(Duration.ofMillis(500)).forEach(seen::add);
                return seen.stream().anyMatch(r -> major.equals(r.value().findingId()));
            });
            ConsumerRecord<String, InspectionFinding> event = seen.stream().filter(r -> major.equals(r.value().findingId())).findFirst().orElseThrow();
            assertEquals("chem-banan-01", event.key());
            assertEquals(InspectionFinding.Grade.MAJOR, event.value().grade());
            assertEquals(today().plusDays(30), event.value().deadline());
            assertTrue(event.value().legalBasis().contains("重大生产安全事故隐患判定标准"), event.value().legalBasis());
            as("ent.chem").get("/api/enforcement/findings?inspectionId=" + inspection).then().statusCode(200)
                    .body("total", equalTo(2)).body("items.id", hasItem(major));

            // Penalty case: 立案 -> 告知 -> 法制审核 (required above ¥50,000, by someone else) -> 决定 -> 执行 -> 结案.
            String caseId = Flow.fileCase("reg.banan", "chem-banan-01", inspection, List.of(major), "AQF-101-2");
            Flow.notice("reg.banan", caseId, 80_000);
            String number = Flow.decisionNumber();
            as("reg.banan").body(Map.of("to", "DECIDED", "decisionNumber", number, "amount", 80_000)).post("/api/enforcement/cases/" + caseId + "/transitions")
                    .then().statusCode(409).body("code", equalTo("LEGAL_REVIEW_REQUIRED"));
            as("reg.banan").body(Map.of("to", "REVIEWED", "approved", true, "opinion", "自审")).post("/api/enforcement/cases/" + caseId + "/transitions")
                    .then().statusCode(403);
            as("reg.city").body(Map.of("to", "REVIEWED", "approved", true, "opinion", "事实清楚，证据确凿，裁量适当")).post("/api/enforcement/cases/"
                    + caseId + "/transitions").then().statusCode(200).body("status", equalTo("REVIEWED"));
            as("reg.banan").body(Map.of("to", "DECIDED", "decisionNumber", number, "amount", 80_000)).post("/api/enforcement/cases/" + caseId + "/transitions")
                    .then().statusCode(200).body("status", equalTo("DECIDED")).body("decision.number", equalTo(number));
            as("ent.chem").get("/api/enforcement/cases/" + caseId).then().statusCode(200)
                    .body("decision.amount", equalTo(80_000)).body("review", equalTo(null));

            // The posting goes public by its last working day at the latest, masked.
            String posting = "po-" + caseId;
            as("anonymous").get("/api/public/enforcement/postings/" + posting).then().statusCode(404);
            LocalDate dueBy = LocalDate.parse(as("reg.banan").get("/api/enforcement/postings/" + posting).then()
                    .statusCode(200).body("status", equalTo("PENDING")).extract().path("dueBy"));
            assertTrue(postingDue.run(dueBy) >= 1);
            as("anonymous").get("/api/public/enforcement/postings/" + posting).then().statusCode(200)
                    .body("decisionNumber", equalTo(number)).body("party", equalTo("陈*国"))
                    .body("facts", containsString("138****5678")).body("facts", not(containsString("13812345678")));
            as("reg.banan").body(Map.of("to", "EXECUTED", "paidOn", today().toString(), "receiptNumber", "FS-0001"))
                    .post("/api/enforcement/cases/" + caseId + "/transitions").then().statusCode(200).body("status", equalTo("EXECUTED"));
            as("reg.banan").body(Map.of("to", "CLOSED", "reason", "罚款已缴清，整改另行复查")).post("/api/enforcement/cases/" + caseId + "/transitions")
                    .then().statusCode(200).body("status", equalTo("CLOSED"));

            // Re-inspection at the deadline: the major hazard is not rectified -> listed supervision (挂牌督办).
            String reinspection = "re-" + inspection + "-" + today().plusDays(30);
            reinspectionDue.run(today().plusDays(30));
            as("reg.banan").get("/api/enforcement/reinspections?status=DUE").then().body("id", hasItem(reinspection));
            as("reg.banan").body("{\"outcomes\": [{\"findingId\": \"" + major + "\", \"rectified\": false, \"note\": \"切断阀仍未投用\"},"
                            + "{\"findingId\": \"" + inspection + ".HC-G-06\", \"rectified\": true}]}")
                    .post("/api/enforcement/reinspections/" + reinspection + "/outcome").then().statusCode(200)
                    .body("status", equalTo("DONE"));
            as("reg.city").get("/api/enforcement/supervisions?status=LISTED").then().statusCode(200)
                    .body("findingId", hasItem(major));
            as("ent.chem").get("/api/enforcement/findings/" + major).then().body("status", equalTo("LISTED"));

            // The whole record of the case, print-ready, with the photo's digest and every step.
            String html = as("reg.banan").accept("text/html").get("/api/enforcement/cases/" + caseId + "/record").then()
                    .statusCode(200).contentType(containsString("text/html")).extract().asString();
            String sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(photo));
            for (String expected : List.of(number, sha, "法制审核", "REVIEWED", "CLOSED", "SIGNED", "ATTACHED", "reg.city")) {
                assertTrue(html.contains(expected), "the record shows " + expected);
            }

            // A revoked decision leaves the public view.
            as("reg.banan").body(Map.of("to", "REVOKED", "reason", "行政复议决定撤销")).post("/api/enforcement/cases/" + caseId + "/transitions")
                    .then().statusCode(200).body("status", equalTo("REVOKED"));
            as("anonymous").get("/api/public/enforcement/postings/" + posting).then().statusCode(404);
            as("anonymous").get("/api/public/enforcement/postings?size=100").then().body("items.id", not(hasItem(posting)));
        }
    }

    private static KafkaConsumer<String, InspectionFinding> findingsConsumer() {
        KafkaConsumer<String, InspectionFinding> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfra.shared().kafkaBootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "loop-it-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"), new StringDeserializer(), new InspectionFindingDeserializer());
        consumer.subscribe(List.of(Topics.ENFORCEMENT_FINDINGS));
        return consumer;
    }
}
