package io.safetyhub.enforcement.access;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import io.safetyhub.devstack.testing.RealInfraResource;
import io.safetyhub.enforcement.roster.RosterRepository;
import io.safetyhub.enforcement.support.Calls;
import io.safetyhub.enforcement.support.DemoRegistry;
import io.safetyhub.enforcement.support.Fixture;
import io.safetyhub.enforcement.support.Flow;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;
import java.util.UUID;

import static io.safetyhub.enforcement.support.Calls.as;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.hasKey;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every route against every kind of caller, with real Keycloak tokens. Columns: anonymous, ent.chem (chem-banan-01,
 * 巴南区), ent.build (build-yubei-01, 渝北区), reg.banan (巴南区), reg.nanpeng (巴南区/南彭街道, chem-banan-01's town), reg.city,
 * ops. {@code ok} means the role and tenant
 * rules let the call through: 2xx, or 409/400 where the state or the body is refused on purpose so that the matrix
 * leaves the fixture as it is. Rows run in order; the revocation row comes after the rows that read the posting.
 * reg.nanpeng sees chem-banan-01's cases as the district does, but draws only its own town's plans (403 on a district
 * plan), and may do the legal review (法制审核) of a case in its town, not being one of its handlers.
 */
@QuarkusTest
@QuarkusTestResource(value = RealInfraResource.class, restrictToAnnotatedClass = false)
class AccessMatrixIT {
    private static final List<String> CALLERS = List.of("anonymous", "ent.chem", "ent.build", "reg.banan", "reg.nanpeng", "reg.city", "ops");

    @Inject
    RosterRepository roster;

    @BeforeEach
    void fixture() throws Exception {
        DemoRegistry.ensure(roster);
        Fixture.get();
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource(delimiter = '|', textBlock = """
            GET    | /api/public/enforcement/draws                          | -            | ok  | ok  | ok  | ok  | ok  | ok  | ok
            GET    | /api/public/enforcement/draws/{banDraw}                | -            | ok  | ok  | ok  | ok  | ok  | ok  | ok
            GET    | /api/public/enforcement/draws/{banDraw}/verification   | -            | ok  | ok  | ok  | ok  | ok  | ok  | ok
            GET    | /api/public/enforcement/postings                       | -            | ok  | ok  | ok  | ok  | ok  | ok  | ok
            GET    | /api/public/enforcement/postings/{banPosting}          | -            | ok  | ok  | ok  | ok  | ok  | ok  | ok
            GET    | /api/enforcement/roster/enterprises                    | -            | 401 | 403 | 403 | ok  | ok  | ok  | ok
            GET    | /api/enforcement/inspectors                            | -            | 401 | 403 | 403 | ok  | ok  | ok  | ok
            GET    | /api/enforcement/inspectors/in-banan-03                | -            | 401 | 403 | 403 | ok  | ok  | ok  | ok
            GET    | /api/enforcement/inspectors/in-yubei-01                | -            | 401 | 403 | 403 | 404 | 404 | ok  | ok
            POST   | /api/enforcement/inspectors                            | inspector    | 401 | 403 | 403 | 403 | 403 | 403 | ok
            PUT    | /api/enforcement/inspectors/in-jiangbei-03             | inspector-jb | 401 | 403 | 403 | 403 | 403 | 403 | ok
            GET    | /api/enforcement/checklists                            | -            | 401 | ok  | ok  | ok  | ok  | ok  | ok
            GET    | /api/enforcement/checklists/cl-town-gas                | -            | 401 | ok  | ok  | ok  | ok  | ok  | ok
            PUT    | /api/enforcement/checklists/cl-matrix-test             | checklist    | 401 | 403 | 403 | 403 | 403 | 403 | ok
            GET    | /api/enforcement/violations                            | -            | 401 | ok  | ok  | ok  | ok  | ok  | ok
            GET    | /api/enforcement/violations/AQF-108                    | -            | 401 | ok  | ok  | ok  | ok  | ok  | ok
            PUT    | /api/enforcement/violations/AQF-MATRIX                 | violation    | 401 | 403 | 403 | 403 | 403 | 403 | ok
            GET    | /api/enforcement/plans                                 | -            | 401 | 403 | 403 | ok  | ok  | ok  | ok
            GET    | /api/enforcement/plans/{banPlan}                       | -            | 401 | 403 | 403 | ok  | ok  | ok  | ok
            GET    | /api/enforcement/plans/{yubPlan}                       | -            | 401 | 403 | 403 | 404 | 404 | ok  | ok
            POST   | /api/enforcement/plans                                 | plan-banan   | 401 | 403 | 403 | ok  | ok  | ok  | 403
            POST   | /api/enforcement/plans                                 | plan-yubei   | 401 | 403 | 403 | 403 | 403 | ok  | 403
            POST   | /api/enforcement/plans/{fresh-ban-plan}/draws          | -            | 401 | 403 | 403 | ok  | 403 | ok  | 403
            GET    | /api/enforcement/draws                                 | -            | 401 | 403 | 403 | ok  | ok  | ok  | ok
            GET    | /api/enforcement/draws/{banDraw}                       | -            | 401 | 403 | 403 | ok  | ok  | ok  | ok
            GET    | /api/enforcement/draws/{yubDraw}                       | -            | 401 | 403 | 403 | 404 | 404 | ok  | ok
            GET    | /api/enforcement/draws/{banDraw}/verification          | -            | 401 | 403 | 403 | ok  | ok  | ok  | ok
            POST   | /api/enforcement/draws/{banDraw}/redraw                | reason       | 401 | 403 | 403 | ok  | 403 | ok  | 403
            GET    | /api/enforcement/inspections                           | -            | 401 | ok  | ok  | ok  | ok  | ok  | ok
            GET    | /api/enforcement/inspections/{banInspection}           | -            | 401 | ok  | 404 | ok  | ok  | ok  | ok
            GET    | /api/enforcement/inspections/{yubInspection}           | -            | 401 | 404 | ok  | 404 | 404 | ok  | ok
            POST   | /api/enforcement/inspections                           | open-ban     | 401 | 403 | 403 | ok  | ok  | ok  | 403
            PUT    | /api/enforcement/inspections/{banInspection}/results   | results      | 401 | 403 | 403 | ok  | ok  | ok  | 403
            PUT    | /api/enforcement/inspections/{yubInspection}/results   | results      | 401 | 403 | 403 | 404 | 404 | ok  | 403
            POST   | /api/enforcement/inspections/{banInspection}/signatures | sign        | 401 | 403 | 403 | ok  | ok  | ok  | 403
            GET    | /api/enforcement/inspections/{banInspection}/evidence  | -            | 401 | ok  | 404 | ok  | ok  | ok  | ok
            GET    | /api/enforcement/inspections/{banInspection}/evidence/{banEvidence} | - | 401 | ok | 404 | ok | ok | ok | ok
            POST   | /api/enforcement/inspections/{banInspection}/evidence  | photo        | 401 | 403 | 403 | ok  | ok  | ok  | 403
            GET    | /api/enforcement/findings                              | -            | 401 | ok  | ok  | ok  | ok  | ok  | ok
            GET    | /api/enforcement/findings/{banFinding}                 | -            | 401 | ok  | 404 | ok  | ok  | ok  | ok
            GET    | /api/enforcement/reinspections                         | -            | 401 | ok  | ok  | ok  | ok  | ok  | ok
            GET    | /api/enforcement/reinspections/{banReinspection}       | -            | 401 | ok  | 404 | ok  | ok  | ok  | ok
            POST   | /api/enforcement/reinspections/{banReinspection}/outcome | outcome    | 401 | 403 | 403 | ok  | ok  | ok  | 403
            GET    | /api/enforcement/supervisions                          | -            | 401 | ok  | ok  | ok  | ok  | ok  | ok
            GET    | /api/enforcement/supervisions/{banListing}             | -            | 401 | ok  | 404 | ok  | ok  | ok  | ok
            POST   | /api/enforcement/supervisions/{banListing}/lift        | reason       | 401 | 403 | 403 | ok  | ok  | ok  | 403
            GET    | /api/enforcement/cases                                 | -            | 401 | ok  | ok  | ok  | ok  | ok  | ok
            GET    | /api/enforcement/cases/{banCase}                       | -            | 401 | ok  | 404 | ok  | ok  | ok  | ok
            POST   | /api/enforcement/cases                                 | case-chem    | 401 | 403 | 403 | ok  | ok  | ok  | 403
            POST   | /api/enforcement/cases                                 | case-yubei   | 401 | 403 | 403 | 400 | 400 | ok  | 403
            POST   | /api/enforcement/cases/{banCase}/transitions           | notice       | 401 | 403 | 403 | ok  | ok  | ok  | 403
            POST   | /api/enforcement/cases/{banNotifiedCase}/transitions   | review       | 401 | 403 | 403 | 403 | ok  | ok  | 403
            POST   | /api/enforcement/cases/{banCase}/transitions           | decide       | 401 | 403 | 403 | ok  | ok  | ok  | 403
            POST   | /api/enforcement/cases/{banNotifiedCase}/transitions   | execute      | 401 | 403 | 403 | ok  | ok  | ok  | 403
            POST   | /api/enforcement/cases/{banNotifiedCase}/transitions   | close        | 401 | 403 | 403 | ok  | ok  | ok  | 403
            GET    | /api/enforcement/cases/{banCase}/record                | -            | 401 | 403 | 403 | ok  | ok  | ok  | ok
            GET    | /api/enforcement/postings                              | -            | 401 | ok  | ok  | ok  | ok  | ok  | ok
            GET    | /api/enforcement/postings/{banPosting}                 | -            | 401 | ok  | 404 | ok  | ok  | ok  | ok
            POST   | /api/enforcement/postings/{banPosting}/publish         | -            | 401 | 403 | 403 | ok  | ok  | ok  | 403
            GET    | /api/enforcement/audit?ref={banCase}                   | -            | 401 | 403 | 403 | ok  | ok  | ok  | ok
            POST   | /api/enforcement/cases/{banCase}/transitions           | revoke       | 401 | 403 | 403 | ok  | ok  | ok  | 403
            GET    | /api/public/enforcement/credit                         | -            | ok  | ok  | ok  | ok  | ok  | ok  | ok
            GET    | /api/enforcement/credit                                | -            | 401 | 403 | 403 | ok  | ok  | ok  | ok
            GET    | /api/enforcement/credit/chem-banan-01                  | -            | 401 | ok  | 404 | ok  | ok  | ok  | ok
            GET    | /api/enforcement/credit/build-yubei-01                 | -            | 401 | 404 | ok  | 404 | 404 | ok  | ok
            GET    | /api/enforcement/reports                               | -            | 401 | 403 | 403 | ok  | ok  | ok  | ok
            GET    | /api/enforcement/nothing-here                          | -            | 401 | 404 | 404 | 404 | 404 | 404 | 404
            """)
    void shouldApplyRoleAndTenantRulesWhenAnyCallerCallsAnyRoute(String method, String path, String body, String anonymous,
                                                                String entChem, String entBuild, String regBanan,
                                                                String regNanpeng, String regCity, String ops) {
        List<String> expected = List.of(anonymous, entChem, entBuild, regBanan, regNanpeng, regCity, ops);
        for (int i = 0; i < CALLERS.size(); i++) {
            String caller = CALLERS.get(i);
            String target = resolve(path);
            RequestSpecification request = as(caller);
            if ("photo".equals(body)) {
                request = request.contentType("multipart/form-data").multiPart("file", "m.jpg", Flow.photo(), "image/jpeg")
                        .multiPart("itemCode", "HC-MH-05");
            } else if (!"-".equals(body)) {
                request = request.body(body(body));
            }
            int status = request.when().request(method, target).then().extract().statusCode();
            String want = expected.get(i);
            String what = method + " " + target + " as " + caller + " answered " + status;
            if ("ok".equals(want)) {
                assertTrue(status / 100 == 2 || status == 409 || (status == 400 && !"-".equals(body)), what + ", expected to be let through");
            } else {
                assertEquals(Integer.parseInt(want), status, what);
            }
        }
    }

    @Test
    void shouldShowNoInspectorConflictsToAnEnterpriseWhenItReadsItsInspection() {
        Fixture f = Fixture.get();
        as("ent.chem").get("/api/enforcement/inspections/" + f.banInspection).then().statusCode(200)
                .body("team", everyItem(not(hasKey("conflicts"))));
        as("ent.chem").get("/api/public/enforcement/draws/" + f.banDraw).then().body("$", not(hasKey("inputs")));
        as("ent.chem").get("/api/enforcement/cases/" + f.banCase).then().body("review", equalTo(null));
    }

    @Test
    void shouldListOnlyTheCallersOwnWhenAnEnterpriseOrADistrictRegulatorLists() {
        as("ent.chem").get("/api/enforcement/inspections?size=100").then().body("items.enterpriseId", everyItem(equalTo("chem-banan-01")));
        as("ent.build").get("/api/enforcement/findings?size=100").then().body("items.enterpriseId", everyItem(equalTo("build-yubei-01")));
        as("reg.banan").get("/api/enforcement/roster/enterprises?size=100").then().body("items.district", everyItem(equalTo("巴南区")));
        as("reg.banan").get("/api/enforcement/cases?size=100").then().body("items.district", everyItem(equalTo("巴南区")));
        as("reg.banan").get("/api/enforcement/inspectors").then().body("items.district", everyItem(equalTo("巴南区")));
    }

    private static String resolve(String path) {
        Fixture f = Fixture.get();
        return path.replace("{banPlan}", f.banPlan).replace("{banDraw}", f.banDraw)
                .replace("{banInspection}", f.banInspection).replace("{banEvidence}", f.banEvidence)
                .replace("{banFinding}", f.banFinding).replace("{banReinspection}", f.banReinspection)
                .replace("{banListing}", f.banListing).replace("{banNotifiedCase}", f.banNotifiedCase)
                .replace("{banCase}", f.banCase).replace("{banPosting}", f.banPosting).replace("{yubPlan}", f.yubPlan)
                .replace("{yubDraw}", f.yubDraw).replace("{yubInspection}", f.yubInspection)
                .replace("{fresh-ban-plan}", path.contains("{fresh-ban-plan}") ? Flow.plan("reg.banan", null, "HAZARDOUS_CHEMICALS", 1) : "");
    }

    private static String body(String name) {
        Fixture f = Fixture.get();
        return switch (name) {
            case "inspector" -> "{\"name\": \"矩阵\", \"badgeNumber\": \"M" + UUID.randomUUID().toString().substring(0, 10)
                    + "\", \"district\": \"巴南区\", \"sectors\": [\"TOWN_GAS\"], \"active\": false}";
            case "inspector-jb" -> "{\"name\": \"马超\", \"badgeNumber\": \"50010500303\", \"district\": \"江北区\", "
                    + "\"sectors\": [\"HAZARDOUS_CHEMICALS\", \"CONSTRUCTION\", \"TOWN_GAS\"]}";
            case "checklist" -> "{\"sector\": \"FIREWORKS\", \"title\": \"矩阵检查表\", \"version\": \"1\", \"items\": "
                    + "[{\"code\": \"FW-01\", \"text\": \"储存超量\", \"legalBasis\": \"烟花爆竹安全管理条例\", \"major\": true}]}";
            case "violation" -> "{\"title\": \"矩阵\", \"article\": \"安全生产法 第一百零八条\", \"fineMin\": 20000, \"fineMax\": 200000}";
            case "plan-banan" -> plan("巴南区", "HAZARDOUS_CHEMICALS");
            case "plan-yubei" -> plan("渝北区", "CONSTRUCTION");
            case "reason" -> "{\"reason\": \"矩阵测试\"}";
            case "close" -> "{\"to\": \"CLOSED\", \"reason\": \"矩阵测试\"}";
            case "revoke" -> "{\"to\": \"REVOKED\", \"reason\": \"矩阵测试\"}";
            case "open-ban" -> "{\"drawId\": \"" + f.banDraw + "\", \"enterpriseId\": \"chem-banan-01\"}";
            case "results" -> "{\"results\": [{\"code\": \"HC-MH-01\", \"outcome\": \"PASS\"}]}";
            case "sign" -> "{\"inspectorId\": \"in-banan-01\", \"badgeNumber\": \"50011300101\"}";
            case "outcome" -> "{\"outcomes\": [{\"findingId\": \"" + f.banFinding + "\", \"rectified\": true}]}";
            case "case-chem" -> "{\"enterpriseId\": \"chem-banan-01\", \"violationCode\": \"AQF-108\", \"facts\": \"矩阵\"}";
            case "case-yubei" -> "{\"enterpriseId\": \"build-yubei-01\", \"violationCode\": \"AQF-108\", \"facts\": \"矩阵\"}";
            case "notice" -> "{\"to\": \"NOTIFIED\", \"proposedAmount\": 30000}";
            case "review" -> "{\"to\": \"REVIEWED\", \"approved\": true, \"opinion\": \"同意\"}";
            case "decide" -> "{\"to\": \"DECIDED\", \"decisionNumber\": \"" + Flow.decisionNumber() + "\", \"amount\": 20000}";
            case "execute" -> "{\"to\": \"EXECUTED\", \"paidOn\": \"" + Calls.today() + "\", \"receiptNumber\": \"R-1\"}";
            default -> throw new IllegalArgumentException(name);
        };
    }

    private static String plan(String district, String sector) {
        return "{\"title\": \"矩阵计划\", \"district\": \"" + district + "\", \"periodStart\": \"" + Calls.today() + "\", \"periodEnd\": \""
                + Calls.today().plusMonths(1) + "\", \"quotas\": [{\"sector\": \"" + sector + "\", \"count\": 1}]}";
    }
}
