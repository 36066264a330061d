package io.safetyhub.enforcement.access;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import io.safetyhub.devstack.testing.RealInfraResource;
import io.safetyhub.devstack.testing.TestInfra;
import io.safetyhub.enforcement.roster.RosterRepository;
import io.safetyhub.enforcement.support.DemoRegistry;
import io.safetyhub.enforcement.support.Flow;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import static io.safetyhub.enforcement.support.Calls.as;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The bad input issue 17 names: each a 4xx problem+json naming the field, and nothing half-written. */
@QuarkusTest
@QuarkusTestResource(value = RealInfraResource.class, restrictToAnnotatedClass = false)
class BadInputIT {
    private static final String PE_RENAMED = "4d5a90000300000004000000ffff0000b80000000000000040000000000000000000000000000000";

    @Inject
    RosterRepository roster;

    @BeforeEach
    void registry() throws Exception {
        DemoRegistry.ensure(roster);
    }

    private static ValidatableResponse problem(ValidatableResponse r, int status, String field) {
        return r.statusCode(status).contentType(startsWith("application/problem+json")).body("errors.field", hasItem(field));
    }

    @Test
    void shouldNameTheRosterAndDrawNothingWhenTheRosterIsEmpty() {
        String plan = Flow.plan("reg.city", "綦江区", "HAZARDOUS_CHEMICALS", 2);
        problem(as("reg.city").post("/api/enforcement/plans/" + plan + "/draws").then(), 400, "roster").body("code", equalTo("EMPTY_ROSTER"));
        as("reg.city").get("/api/enforcement/draws?planId=" + plan).then().body("total", equalTo(0));
        as("reg.city").get("/api/enforcement/plans/" + plan).then().body("drawId", nullValue());

        String fireworks = Flow.plan("reg.banan", null, "FIREWORKS", 1);
        problem(as("reg.banan").post("/api/enforcement/plans/" + fireworks + "/draws").then(), 400, "quotas[0].sector");
    }

    @Test
    void shouldNameTheResultsAndStoreNoneWhenChecklistItemsAreMissing() {
        String inspection = openedInspection();
        problem(as("reg.banan").body("{\"results\": [{\"code\": \"HC-MH-01\", \"outcome\": \"PASS\"}]}")
                .put("/api/enforcement/inspections/" + inspection + "/results").then(), 400, "results")
                .body("code", equalTo("CHECKLIST_INCOMPLETE"));
        as("reg.banan").get("/api/enforcement/inspections/" + inspection).then().body("status", equalTo("OPEN"))
                .body("results.size()", equalTo(0));
    }

    @Test
    void shouldRefuseAnExecutableRenamedJpgAndKeepNothing() {
        String inspection = openedInspection();
        problem(as("reg.banan").contentType("multipart/form-data")
                .multiPart("file", "photo.jpg", HexFormat.of().parseHex(PE_RENAMED), "image/jpeg").multiPart("itemCode", "HC-MH-01")
                .post("/api/enforcement/inspections/" + inspection + "/evidence").then(), 415, "file");
        as("reg.banan").get("/api/enforcement/inspections/" + inspection + "/evidence").then().body("size()", equalTo(0));
    }

    @Test
    void shouldRefuseAFileOverThePerFileLimitNamingTheFile() {
        String inspection = openedInspection();
        byte[] big = new byte[10 * 1024 * 1024 + 512 * 1024];
        System.arraycopy(Flow.photo(), 0, big, 0, 100);
        problem(as("reg.banan").contentType("multipart/form-data").multiPart("file", "big.jpg", big, "image/jpeg")
                .multiPart("itemCode", "HC-MH-01").post("/api/enforcement/inspections/" + inspection + "/evidence").then(), 413, "file")
                .body("code", equalTo("FILE_TOO_LARGE"));
        as("reg.banan").get("/api/enforcement/inspections/" + inspection + "/evidence").then().body("size()", equalTo(0));
    }

    @Test
    void shouldRefuseA50MegabyteUploadBeforeReadingItWithAProblem() throws Exception {
        String inspection = openedInspection();
        long size = 50L * 1024 * 1024;
        String head = "--b\r\nContent-Disposition: form-data; name=\"itemCode\"\r\n\r\nHC-MH-01\r\n--b\r\n"
                + "Content-Disposition: form-data; name=\"file\"; filename=\"big.jpg\"\r\nContent-Type: image/jpeg\r\n\r\n";
        long length = head.length() + size + "\r\n--b--\r\n".length();
        // A raw HTTP/1.1 client announces the 50 MB and the part's headers: the server must answer 413 as soon as it has
        // read the request headers, without waiting for (or storing) the body. (Sending more would only race the
        // server's close of the connection against our write.)
        try (Socket socket = new Socket("localhost", port())) {
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            out.write(("POST /api/enforcement/inspections/" + inspection + "/evidence HTTP/1.1\r\nHost: localhost\r\n"
                    + "Authorization: Bearer " + TestInfra.shared().token("reg.banan") + "\r\n"
                    + "Content-Type: multipart/form-data; boundary=b\r\nContent-Length: " + length + "\r\n\r\n" + head)
                    .getBytes(StandardCharsets.UTF_8));
            out.flush();
            String response = readResponse(socket.getInputStream());

            assertTrue(response.startsWith("HTTP/1.1 413"), response);
            assertTrue(response.contains("application/problem+json"), response);
            assertTrue(response.contains("BODY_TOO_LARGE"), response);
        }
        as("reg.banan").get("/api/enforcement/inspections/" + inspection + "/evidence").then().body("size()", equalTo(0));
    }

    @Test
    void shouldNameTheAmountAndKeepTheCaseWhenTheFineIsOutsideTheArticlesRange() {
        String caseId = Flow.fileCase("reg.banan", "gas-banan-01", null, List.of(), "AQF-108");
        problem(as("reg.banan").body(Map.of("to", "NOTIFIED", "proposedAmount", 300_000)).post("/api/enforcement/cases/" + caseId + "/transitions").then(),
                400, "proposedAmount").body("code", equalTo("AMOUNT_OUT_OF_RANGE"));
        problem(as("reg.banan").body(Map.of("to", "NOTIFIED", "proposedAmount", 19_999)).post("/api/enforcement/cases/" + caseId + "/transitions").then(),
                400, "proposedAmount");
        as("reg.banan").get("/api/enforcement/cases/" + caseId).then().body("status", equalTo("FILED")).body("proposedAmount", nullValue());
        Flow.notice("reg.banan", caseId, 30_000);
        problem(as("reg.banan").body(Map.of("to", "DECIDED", "decisionNumber", Flow.decisionNumber(), "amount", 40_000))
                .post("/api/enforcement/cases/" + caseId + "/transitions").then(), 400, "amount");
        as("reg.banan").get("/api/enforcement/cases/" + caseId).then().body("status", equalTo("NOTIFIED"));
    }

    @Test
    void shouldNameTheMissingFieldOrTheTargetWhenATransitionIsIncomplete() {
        String caseId = Flow.fileCase("reg.banan", "gas-banan-01", null, List.of(), "AQF-108");
        String path = "/api/enforcement/cases/" + caseId + "/transitions";
        problem(as("reg.banan").body(Map.of("to", "NOTIFIED")).post(path).then(), 400, "proposedAmount");
        problem(as("reg.banan").body(Map.of("proposedAmount", 30_000)).post(path).then(), 400, "to");
        problem(as("reg.banan").body(Map.of("to", "FINED", "proposedAmount", 30_000)).post(path).then(), 400, "to");
        problem(as("reg.banan").body(Map.of("to", "FILED")).post(path).then(), 400, "to");
        as("reg.banan").body(Map.of("to", "CLOSED", "reason", "跳步")).post(path)
                .then().statusCode(409).body("code", equalTo("INVALID_TRANSITION"));
        as("reg.banan").get("/api/enforcement/cases/" + caseId).then().body("status", equalTo("FILED"));
    }

    @Test
    void shouldAnswerConflictNamingTheNumberAndDecideNothingWhenADecisionNumberIsReused() {
        String number = Flow.decisionNumber();
        String first = Flow.fileCase("reg.banan", "gas-banan-01", null, List.of(), "AQF-99-8");
        Flow.notice("reg.banan", first, 10_000);
        as("reg.banan").body(Map.of("to", "DECIDED", "decisionNumber", number, "amount", 10_000)).post("/api/enforcement/cases/" + first + "/transitions")
                .then().statusCode(200);
        String second = Flow.fileCase("reg.banan", "trade-banan-01", null, List.of(), "AQF-99-8");
        Flow.notice("reg.banan", second, 8_000);
        problem(as("reg.banan").body(Map.of("to", "DECIDED", "decisionNumber", number, "amount", 8_000)).post("/api/enforcement/cases/" + second + "/transitions")
                .then(), 409, "decisionNumber").body("code", equalTo("DECISION_NUMBER_TAKEN"));
        as("reg.banan").get("/api/enforcement/cases/" + second).then().body("status", equalTo("NOTIFIED")).body("decision", nullValue());
        as("reg.banan").get("/api/enforcement/postings/po-" + second).then().statusCode(404);
    }

    @Test
    void shouldNameTheFieldWhenACaseIsFiledOutsideTheCatalogueOrTheArea() {
        problem(as("reg.banan").body(Map.of("enterpriseId", "gas-banan-01", "violationCode", "NO-SUCH", "facts", "x"))
                .post("/api/enforcement/cases").then(), 400, "violationCode");
        problem(as("reg.banan").body(Map.of("enterpriseId", "build-yubei-01", "violationCode", "AQF-108", "facts", "x"))
                .post("/api/enforcement/cases").then(), 400, "enterpriseId");
    }

    /** An inspection of chem-banan-01 opened from a fresh draw, nothing recorded yet. */
    private static String openedInspection() {
        String plan = Flow.plan("reg.banan", null, "HAZARDOUS_CHEMICALS", 1);
        String draw = Flow.draw("reg.banan", plan).getString("id");
        return Flow.open("reg.banan", draw, "chem-banan-01").getString("id");
    }

    /** Status line, headers and the body by its Content-Length: the server need not close the connection. */
    private static String readResponse(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        while (!head.toString(StandardCharsets.ISO_8859_1).endsWith("\r\n\r\n")) {
            int b = in.read();
            if (b < 0) {
                break;
            }
            head.write(b);
        }
        String headers = head.toString(StandardCharsets.ISO_8859_1);
        int length = headers.lines().filter(l -> l.toLowerCase(java.util.Locale.ROOT).startsWith("content-length:"))
                .map(l -> Integer.parseInt(l.substring(15).strip())).findFirst().orElse(0);
        return headers + new String(in.readNBytes(length), StandardCharsets.UTF_8);
    }

    private static int port() {
        return ConfigProvider.getConfig().getValue("quarkus.http.test-port", Integer.class);
    }
}
