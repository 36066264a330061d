package io.safetyhub.training.access;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import io.safetyhub.devstack.testing.RealInfraResource;
import io.safetyhub.training.enterprise.RegisteredEnterpriseRepository;
import io.safetyhub.training.personnel.IdCardNumber;
import io.safetyhub.training.support.Bodies;
import io.safetyhub.training.support.Calls;
import io.safetyhub.training.support.DemoRegistry;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Every endpoint against every kind of caller, with real Keycloak tokens. Columns: anonymous, ent.chem
 * (chem-banan-01, 巴南区), ent.build (build-yubei-01, 渝北区), reg.banan (巴南区), reg.nanpeng (巴南区/南彭街道, chem-banan-01's
 * town), reg.city, ops. {@code ok}
 * means the role and tenant rules let the call through and it succeeded: 2xx, nothing else. A {@code {fresh-…}}
 * placeholder is created anew before each caller's call, so that one caller's write (a renewal, a revocation, a
 * deletion) never turns the next caller's into a conflict.
 */
@QuarkusTest
@QuarkusTestResource(RealInfraResource.class)
class AccessMatrixIT {
    private static final Pattern FRESH = Pattern.compile("\\{fresh-([a-z-]+)}");
    private static final List<String> CALLERS = List.of("anonymous", "ent.chem", "ent.build", "reg.banan", "reg.nanpeng", "reg.city", "ops");

    @Inject
    RegisteredEnterpriseRepository view;

    @BeforeEach
    void registry() throws Exception {
        DemoRegistry.ensure(view);
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource(delimiter = '|', textBlock = """
            GET    | /api/personnel                                  | -            | 401 | ok  | ok  | ok  | ok  | ok  | ok
            GET    | /api/personnel/p-demo-chem-01                   | -            | 401 | ok  | 404 | ok  | ok  | ok  | ok
            GET    | /api/personnel/p-demo-build-01                  | -            | 401 | 404 | ok  | 404 | 404 | ok  | ok
            POST   | /api/personnel                                  | person-chem  | 401 | ok  | 404 | 403 | 403 | 403 | ok
            POST   | /api/personnel                                  | person-build | 401 | 404 | ok  | 403 | 403 | 403 | ok
            PUT    | /api/personnel/p-demo-chem-06                   | same-chem-06 | 401 | ok  | 404 | 403 | 403 | 403 | ok
            DELETE | /api/personnel/{fresh-person}                   | -            | 401 | ok  | 404 | 403 | 403 | 403 | ok
            GET    | /api/certificates                               | -            | 401 | ok  | ok  | ok  | ok  | ok  | ok
            GET    | /api/certificates/c-demo-chem-01                | -            | 401 | ok  | 404 | ok  | ok  | ok  | ok
            GET    | /api/certificates/c-demo-build-01               | -            | 401 | 404 | ok  | 404 | 404 | ok  | ok
            POST   | /api/certificates                               | cert-chem-06 | 401 | ok  | 404 | 403 | 403 | 403 | ok
            POST   | /api/certificates/{fresh-cert-chem}/renew       | renew        | 401 | ok  | 404 | 403 | 403 | 403 | ok
            POST   | /api/certificates/{fresh-cert-chem}/revoke      | revoke       | 401 | 403 | 403 | ok  | ok  | ok  | ok
            POST   | /api/certificates/{fresh-cert-build}/revoke     | revoke       | 401 | 403 | 403 | 404 | 404 | ok  | ok
            GET    | /api/training-records                           | -            | 401 | ok  | ok  | ok  | ok  | ok  | ok
            POST   | /api/training-records                           | record-chem  | 401 | ok  | 404 | 403 | 403 | 403 | ok
            GET    | /api/training-records/t-demo-chem-01            | -            | 401 | ok  | 404 | ok  | ok  | ok  | ok
            GET    | /api/training-records/t-demo-build-01           | -            | 401 | 404 | ok  | 404 | 404 | ok  | ok
            GET    | /api/training-records/hours?year=2026           | -            | 401 | ok  | ok  | ok  | ok  | ok  | ok
            GET    | /api/compliance/certificate-rates               | -            | 401 | ok  | ok  | ok  | ok  | ok  | ok
            GET    | /api/compliance/certificate-rates/by?group=SECTOR | -          | 401 | 403 | 403 | ok  | ok  | ok  | ok
            GET    | /api/compliance/uncertified                     | -            | 401 | ok  | ok  | ok  | ok  | ok  | ok
            GET    | /api/compliance/reminders                       | -            | 401 | ok  | ok  | ok  | ok  | ok  | ok
            POST   | /api/compliance/reminders/check                 | -            | 401 | 403 | 403 | 403 | 403 | 403 | ok
            GET    | /api/exam-results                               | -            | 401 | ok  | ok  | ok  | ok  | ok  | ok
            POST   | /api/exam-results                               | exam-chem    | 401 | 403 | 403 | ok  | ok  | ok  | ok
            POST   | /api/exam-results                               | exam-build   | 401 | 403 | 403 | 404 | 404 | ok  | ok
            GET    | /api/exam-results/x-demo-chem-01                | -            | 401 | ok  | 404 | ok  | ok  | ok  | ok
            GET    | /api/exam-results/x-demo-build-01               | -            | 401 | 404 | ok  | 404 | 404 | ok  | ok
            POST   | /api/exam-results/x-demo-chem-01/publish        | -            | 401 | 403 | 403 | ok  | ok  | ok  | ok
            POST   | /api/exam-results/x-demo-build-01/publish       | -            | 401 | 403 | 403 | 404 | 404 | ok  | ok
            GET    | /api/public/exam-results                        | -            | ok  | ok  | ok  | ok  | ok  | ok  | ok
            GET    | /api/activities                                 | -            | 401 | ok  | ok  | ok  | ok  | ok  | ok
            GET    | /api/activities/a-demo-ankang-chem              | -            | 401 | ok  | 404 | ok  | ok  | ok  | ok
            GET    | /api/activities/a-demo-fire-yubei               | -            | 401 | 404 | 404 | 404 | 404 | ok  | ok
            GET    | /api/activities/a-demo-contest-yubei            | -            | 401 | 404 | ok  | 404 | 404 | ok  | ok
            POST   | /api/activities                                 | act-banan    | 401 | ok  | ok  | ok  | ok  | ok  | ok
            POST   | /api/activities                                 | act-yubei    | 401 | ok  | ok  | 403 | 403 | ok  | ok
            PUT    | /api/activities/a-demo-upcoming-banan           | act-banan    | 401 | 404 | 404 | ok  | ok  | ok  | ok
            DELETE | /api/activities/{fresh-activity}                | -            | 401 | ok  | 404 | ok  | ok  | ok  | ok
            GET    | /api/activities/stats                           | -            | 401 | 403 | 403 | ok  | ok  | ok  | ok
            GET    | /api/public/activities                          | -            | ok  | ok  | ok  | ok  | ok  | ok  | ok
            GET    | /api/nothing-here                               | -            | 401 | 404 | 404 | 404 | 404 | 404 | 404
            """)
    void shouldApplyRoleAndTenantRulesWhenAnyCallerCallsAnyEndpoint(String method, String path, String body,
                                                                       String anonymous, String entChem, String entBuild,
                                                                       String regBanan, String regNanpeng, String regCity,
                                                                       String ops) {
        List<String> expected = List.of(anonymous, entChem, entBuild, regBanan, regNanpeng, regCity, ops);
        for (int i = 0; i < CALLERS.size(); i++) {
            String caller = CALLERS.get(i);
            String target = fresh(path);
            RequestSpecification request = Calls.as(caller);
            if (!"-".equals(body)) {
                request = request.body(body(body, caller));
            }
            int status = request.when().request(method, target).then().extract().statusCode();
            String want = expected.get(i);
            String what = method + " " + target + " as " + caller + " answered " + status;
            if ("ok".equals(want)) {
                assertEquals(2, status / 100, what + ", expected to be let through");
            } else {
                assertEquals(Integer.parseInt(want), status, what);
            }
        }
    }

    /** The path with its {@code {fresh-…}} placeholder, if any, replaced by the id of a new entry. */
    private static String fresh(String path) {
        Matcher m = FRESH.matcher(path);
        if (!m.find()) {
            return path;
        }
        String id = switch (m.group(1)) {
            case "person" -> freshPerson("chem-banan-01", "500113");
            case "activity" -> freshActivity();
            case "cert-chem" -> freshCertificate(freshPerson("chem-banan-01", "500113"));
            case "cert-build" -> freshCertificate(freshPerson("build-yubei-01", "500112"));
            default -> throw new IllegalArgumentException(m.group());
        };
        return m.replaceFirst(id);
    }

    private static String freshPerson(String enterpriseId, String division) {
        return Calls.as("ops").body(Bodies.person(enterpriseId, Bodies.newIdCard(division)))
                .post("/api/personnel").then().statusCode(201).extract().path("id");
    }

    /** A special-operation certificate two years into its term: renewable at once, not revoked. */
    private static String freshCertificate(String personId) {
        return Calls.as("ops").body(Bodies.certificate(personId, "SPECIAL_OPERATION", today().minusYears(2)))
                .post("/api/certificates").then().statusCode(201).extract().path("id");
    }

    private static String freshActivity() {
        return Calls.as("ent.chem").body(Bodies.ownActivity("ANKANG_CUP", today().plusDays(3)))
                .post("/api/activities").then().statusCode(201).extract().path("id");
    }

    private static LocalDate today() {
        return LocalDate.now(ZoneId.of("Asia/Shanghai"));
    }

    /** An enterprise posts activities under its registered name, so its activity bodies name no organiser. */
    private static String body(String name, String caller) {
        String body = body(name);
        return caller.startsWith("ent.") && name.startsWith("act-") ? body.replace("\"organiser\": \"测试单位\", ", "") : body;
    }

    private static String body(String name) {
        return switch (name) {
            case "person-chem" -> Bodies.person("chem-banan-01", Bodies.newIdCard("500113"));
            case "person-build" -> Bodies.person("build-yubei-01", Bodies.newIdCard("500112"));
            case "same-chem-06" -> "{\"name\": \"周平\", \"idCardNumber\": \"50011319790211063"
                    + IdCardNumber.checkCharacter("50011319790211063") + "\", \"post\": \"仓库保管员\", \"roleCategory\": \"OTHER\","
                    + " \"status\": \"EMPLOYED\", \"hiredOn\": \"" + today().minusYears(4) + "\"}";
            case "cert-chem-06" -> Bodies.certificate("p-demo-chem-06", "SPECIAL_OPERATION", today().minusDays(10));
            case "renew" -> "{\"issuedOn\": \"" + today() + "\"}";
            case "revoke" -> "{\"reason\": \"矩阵测试\"}";
            case "record-chem" -> Bodies.trainingRecord("p-demo-chem-06", 2, null, today().minusDays(1));
            case "exam-chem" -> "{\"personId\": \"p-demo-chem-01\", \"examName\": \"矩阵测试考试\", \"examDate\": \""
                    + today().minusDays(1) + "\", \"score\": 90}";
            case "exam-build" -> "{\"personId\": \"p-demo-build-01\", \"examName\": \"矩阵测试考试\", \"examDate\": \""
                    + today().minusDays(1) + "\", \"score\": 90}";
            case "act-banan" -> Bodies.activity("巴南区", "FIVE_INTOS", today().plusDays(30));
            case "act-yubei" -> Bodies.activity("渝北区", "FIRE_SAFETY_MONTH", today().plusDays(30));
            default -> throw new IllegalArgumentException(name);
        };
    }
}
