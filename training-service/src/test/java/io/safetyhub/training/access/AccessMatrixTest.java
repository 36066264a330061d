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

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every endpoint against every kind of caller, with real Keycloak tokens. Columns: anonymous, ent.chem
 * (chem-banan-01, 巴南区), ent.build (build-yubei-01, 渝北区), reg.banan (巴南区), reg.city, ops. {@code ok}
 * means the role and tenant rules let the call through: 2xx, or 409 where the request is one the state
 * refuses on purpose (a renewal too early, a second revocation) so that the matrix leaves the demo data as it is.
 * {@code {fresh-person}} and {@code {fresh-activity}} are created anew before each caller's call.
 */
@QuarkusTest
@QuarkusTestResource(RealInfraResource.class)
class AccessMatrixTest {
    private static final List<String> CALLERS = List.of("anonymous", "ent.chem", "ent.build", "reg.banan", "reg.city", "ops");

    @Inject
    RegisteredEnterpriseRepository view;

    @BeforeEach
    void registry() throws Exception {
        DemoRegistry.ensure(view);
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource(delimiter = '|', textBlock = """
            GET    | /api/personnel                                  | -            | 401 | ok  | ok  | ok  | ok  | ok
            GET    | /api/personnel/p-demo-chem-01                   | -            | 401 | ok  | 404 | ok  | ok  | ok
            GET    | /api/personnel/p-demo-build-01                  | -            | 401 | 404 | ok  | 404 | ok  | ok
            POST   | /api/personnel                                  | person-chem  | 401 | ok  | 404 | 403 | 403 | ok
            POST   | /api/personnel                                  | person-build | 401 | 404 | ok  | 403 | 403 | ok
            PUT    | /api/personnel/p-demo-chem-06                   | same-chem-06 | 401 | ok  | 404 | 403 | 403 | ok
            DELETE | /api/personnel/{fresh-person}                   | -            | 401 | ok  | 404 | 403 | 403 | ok
            GET    | /api/certificates                               | -            | 401 | ok  | ok  | ok  | ok  | ok
            GET    | /api/certificates/c-demo-chem-01                | -            | 401 | ok  | 404 | ok  | ok  | ok
            GET    | /api/certificates/c-demo-build-01               | -            | 401 | 404 | ok  | 404 | ok  | ok
            POST   | /api/certificates                               | cert-chem-06 | 401 | ok  | 404 | 403 | 403 | ok
            POST   | /api/certificates/c-demo-chem-01/renew          | renew        | 401 | ok  | 404 | 403 | 403 | ok
            POST   | /api/certificates/c-demo-gas-01/revoke          | revoke       | 401 | 403 | 403 | ok  | ok  | ok
            POST   | /api/certificates/c-demo-build-05/revoke        | revoke       | 401 | 403 | 403 | 404 | ok  | ok
            GET    | /api/training-records                           | -            | 401 | ok  | ok  | ok  | ok  | ok
            POST   | /api/training-records                           | record-chem  | 401 | ok  | 404 | 403 | 403 | ok
            GET    | /api/training-records/hours?year=2026           | -            | 401 | ok  | ok  | ok  | ok  | ok
            GET    | /api/compliance/certificate-rates               | -            | 401 | ok  | ok  | ok  | ok  | ok
            GET    | /api/compliance/certificate-rates/by?group=SECTOR | -          | 401 | 403 | 403 | ok  | ok  | ok
            GET    | /api/compliance/uncertified                     | -            | 401 | ok  | ok  | ok  | ok  | ok
            GET    | /api/compliance/reminders                       | -            | 401 | ok  | ok  | ok  | ok  | ok
            POST   | /api/compliance/reminders/check                 | -            | 401 | 403 | 403 | 403 | 403 | ok
            GET    | /api/exam-results                               | -            | 401 | ok  | ok  | ok  | ok  | ok
            POST   | /api/exam-results                               | exam-chem    | 401 | 403 | 403 | ok  | ok  | ok
            POST   | /api/exam-results                               | exam-build   | 401 | 403 | 403 | 404 | ok  | ok
            POST   | /api/exam-results/x-demo-chem-01/publish        | -            | 401 | 403 | 403 | ok  | ok  | ok
            POST   | /api/exam-results/x-demo-build-01/publish       | -            | 401 | 403 | 403 | 404 | ok  | ok
            GET    | /api/public/exam-results                        | -            | ok  | ok  | ok  | ok  | ok  | ok
            GET    | /api/activities                                 | -            | 401 | ok  | ok  | ok  | ok  | ok
            GET    | /api/activities/a-demo-ankang-chem              | -            | 401 | ok  | 404 | ok  | ok  | ok
            GET    | /api/activities/a-demo-fire-yubei               | -            | 401 | 404 | 404 | 404 | ok  | ok
            GET    | /api/activities/a-demo-contest-yubei            | -            | 401 | 404 | ok  | 404 | ok  | ok
            POST   | /api/activities                                 | act-banan    | 401 | ok  | ok  | ok  | ok  | ok
            POST   | /api/activities                                 | act-yubei    | 401 | ok  | ok  | 403 | ok  | ok
            PUT    | /api/activities/a-demo-upcoming-banan           | act-banan    | 401 | 404 | 404 | ok  | ok  | ok
            DELETE | /api/activities/{fresh-activity}                | -            | 401 | ok  | 404 | ok  | ok  | ok
            GET    | /api/activities/stats                           | -            | 401 | 403 | 403 | ok  | ok  | ok
            GET    | /api/public/activities                          | -            | ok  | ok  | ok  | ok  | ok  | ok
            GET    | /api/nothing-here                               | -            | 401 | 404 | 404 | 404 | 404 | 404
            """)
    void shouldApplyRoleAndTenantRulesWhenAnyCallerCallsAnyEndpoint(String method, String path, String body,
                                                                       String anonymous, String entChem, String entBuild,
                                                                       String regBanan, String regCity, String ops) {
        List<String> expected = List.of(anonymous, entChem, entBuild, regBanan, regCity, ops);
        for (int i = 0; i < CALLERS.size(); i++) {
            String caller = CALLERS.get(i);
            String target = path.contains("{fresh-person}") ? path.replace("{fresh-person}", freshPerson())
                    : path.contains("{fresh-activity}") ? path.replace("{fresh-activity}", freshActivity()) : path;
            RequestSpecification request = Calls.as(caller);
            if (!"-".equals(body)) {
                request = request.body(body(body));
            }
            int status = request.when().request(method, target).then().extract().statusCode();
            String want = expected.get(i);
            String what = method + " " + target + " as " + caller + " answered " + status;
            if ("ok".equals(want)) {
                assertTrue(status / 100 == 2 || status == 409, what + ", expected to be let through");
            } else {
                assertEquals(Integer.parseInt(want), status, what);
            }
        }
    }

    private static String freshPerson() {
        return Calls.as("ops").body(Bodies.person("chem-banan-01", Bodies.newIdCard("500113")))
                .post("/api/personnel").then().statusCode(201).extract().path("id");
    }

    private static String freshActivity() {
        return Calls.as("ent.chem").body(Bodies.activity(null, "ANKANG_CUP", today().plusDays(3)))
                .post("/api/activities").then().statusCode(201).extract().path("id");
    }

    private static LocalDate today() {
        return LocalDate.now(ZoneId.of("Asia/Shanghai"));
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
