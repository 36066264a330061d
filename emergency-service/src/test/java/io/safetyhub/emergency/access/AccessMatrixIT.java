package io.safetyhub.emergency.access;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import io.safetyhub.devstack.testing.RealInfraResource;
import io.safetyhub.emergency.enterprise.EnterpriseDirectory;
import io.safetyhub.emergency.support.Demo;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Every route against every kind of caller, with real Keycloak tokens: anonymous, ent.chem (chem-banan-01, 巴南区),
 * ent.build (build-yubei-01, 渝北区), reg.banan (巴南区), reg.nanpeng (巴南区/南彭街道, chem-banan-01's town), reg.city, ops.
 * The town regulator has its town only (the demo accident of chem-banan-01 is in its town): the 南泉街道 tents and the shelter of other towns are 404, a
 * dispatch from another town's stock 400 naming the material, the district's own rota 404, the district's expert
 * library 403 to write. {@code ok} is any 2xx. A {@code {fresh-…}}
 * placeholder is a new record made for each caller's call, so that one caller's write never turns the next one's
 * into a conflict.
 */
@QuarkusTest
@QuarkusTestResource(RealInfraResource.class)
class AccessMatrixIT {
    private static final Pattern FRESH = Pattern.compile("\\{fresh-([a-z-]+)}");
    private static final List<String> CALLERS = List.of("anonymous", "ent.chem", "ent.build", "reg.banan", "reg.nanpeng", "reg.city", "ops");
    private static final AtomicInteger DAYS = new AtomicInteger(300);

    @Inject
    EnterpriseDirectory directory;

    @BeforeEach
    void registry() throws Exception {
        Demo.registry(directory);
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource(delimiter = '|', textBlock = """
            GET    | /api/emergency/accidents                                 | -            | 401 | ok  | ok  | ok  | ok  | ok  | ok
            GET    | /api/emergency/accidents/acc-demo-banan-01               | -            | 401 | ok  | 404 | ok  | ok  | ok  | ok
            GET    | /api/emergency/accidents/acc-demo-yubei-01               | -            | 401 | 404 | ok  | 404 | 404 | ok  | ok
            GET    | /api/emergency/accidents/stats?by=DISTRICT               | -            | 401 | ok  | ok  | ok  | ok  | ok  | ok
            GET    | /api/emergency/accidents/safe-days                       | -            | 401 | ok  | ok  | ok  | ok  | ok  | ok
            POST   | /api/emergency/accidents                                 | acc-chem     | 401 | ok  | 404 | ok  | ok  | ok  | 403
            POST   | /api/emergency/accidents                                 | acc-build    | 401 | 404 | ok  | 404 | 404 | ok  | 403
            POST   | /api/emergency/accidents/{fresh-acc-chem}/reports        | level-city   | 401 | 403 | 403 | ok  | ok  | ok  | 403
            POST   | /api/emergency/accidents/{fresh-acc-build}/reports       | level-city   | 401 | 403 | 403 | 404 | 404 | ok  | 403
            POST   | /api/emergency/accidents/{fresh-acc-chem}/casualties     | casualties   | 401 | ok  | 404 | ok  | ok  | ok  | 403
            POST   | /api/emergency/accidents/{fresh-acc-chem}/investigation  | investigate  | 401 | 403 | 403 | ok  | ok  | ok  | 403
            POST   | /api/emergency/accidents/{fresh-acc-build}/investigation | investigate  | 401 | 403 | 403 | 404 | 404 | ok  | 403
            POST   | /api/emergency/accidents/{fresh-acc-probe}/closure       | close        | 401 | 403 | 403 | ok  | ok  | ok  | 403
            GET    | /api/emergency/duty                                      | -            | 401 | 403 | 403 | ok  | ok  | ok  | ok
            GET    | /api/emergency/duty/today                                | -            | 401 | ok  | ok  | ok  | ok  | ok  | ok
            PUT    | /api/emergency/duty/{fresh-day}                          | duty-banan   | 401 | 403 | 403 | ok  | ok  | ok  | ok
            PUT    | /api/emergency/duty/{fresh-day}                          | duty-yubei   | 401 | 403 | 403 | 403 | 403 | ok  | ok
            DELETE | /api/emergency/duty/{fresh-rota}?district=巴南区          | -            | 401 | 403 | 403 | ok  | 404 | ok  | ok
            GET    | /api/emergency/materials                                 | -            | 401 | 403 | 403 | ok  | ok  | ok  | ok
            GET    | /api/emergency/materials/m-demo-nanquan-tents            | -            | 401 | 403 | 403 | ok  | 404 | ok  | ok
            GET    | /api/emergency/materials/m-demo-yubei-district-sandbags  | -            | 401 | 403 | 403 | 404 | 404 | ok  | ok
            POST   | /api/emergency/materials                                 | mat-banan    | 401 | 403 | 403 | ok  | ok  | ok  | ok
            PUT    | /api/emergency/materials/{fresh-mat-yubei}               | mat-yubei    | 401 | 403 | 403 | 404 | 404 | ok  | ok
            GET    | /api/emergency/materials/dispatches                      | -            | 401 | 403 | 403 | ok  | ok  | ok  | ok
            POST   | /api/emergency/materials/dispatches                      | dispatch     | 401 | 403 | 403 | ok  | 400 | ok  | ok
            GET    | /api/emergency/teams                                     | -            | 401 | 403 | 403 | ok  | ok  | ok  | ok
            GET    | /api/emergency/teams/t-demo-yubei-01                     | -            | 401 | 403 | 403 | 404 | 404 | ok  | ok
            POST   | /api/emergency/teams                                     | team-banan   | 401 | 403 | 403 | ok  | ok  | ok  | ok
            PUT    | /api/emergency/teams/{fresh-team-yubei}                  | team-yubei   | 401 | 403 | 403 | 404 | 404 | ok  | ok
            GET    | /api/emergency/experts                                   | -            | 401 | ok  | ok  | ok  | ok  | ok  | ok
            GET    | /api/emergency/experts/x-demo-banan-01                   | -            | 401 | ok  | ok  | ok  | ok  | ok  | ok
            POST   | /api/emergency/experts                                   | expert-banan | 401 | 403 | 403 | ok  | 403 | ok  | ok
            PUT    | /api/emergency/experts/x-demo-yubei-01                   | expert-yubei | 401 | 403 | 403 | 403 | 403 | ok  | ok
            GET    | /api/emergency/map/teams                                 | -            | 401 | 403 | 403 | ok  | ok  | ok  | ok
            GET    | /api/emergency/map/materials                             | -            | 401 | 403 | 403 | ok  | ok  | ok  | ok
            GET    | /api/emergency/map/enterprises                           | -            | 401 | 403 | 403 | ok  | ok  | ok  | ok
            GET    | /api/emergency/map/shelters                              | -            | 401 | 403 | 403 | ok  | ok  | ok  | ok
            GET    | /api/emergency/map/key-targets                           | -            | 401 | 403 | 403 | ok  | ok  | ok  | ok
            GET    | /api/emergency/map/alarms?longitude=106.6&latitude=29.4  | -            | 401 | 403 | 403 | ok  | ok  | ok  | ok
            GET    | /api/emergency/shelters                                  | -            | 401 | 403 | 403 | ok  | ok  | ok  | ok
            GET    | /api/emergency/shelters/s-demo-banan-01                  | -            | 401 | 403 | 403 | ok  | 404 | ok  | ok
            GET    | /api/emergency/shelters/s-demo-yubei-01                  | -            | 401 | 403 | 403 | 404 | 404 | ok  | ok
            POST   | /api/emergency/shelters                                  | shelter      | 401 | 403 | 403 | 403 | 403 | 403 | ok
            PUT    | /api/emergency/shelters/{fresh-shelter}                  | shelter      | 401 | 403 | 403 | 403 | 403 | 403 | ok
            GET    | /api/emergency/key-targets                               | -            | 401 | 403 | 403 | ok  | ok  | ok  | ok
            GET    | /api/emergency/key-targets/k-demo-yubei-01               | -            | 401 | 403 | 403 | 404 | 404 | ok  | ok
            POST   | /api/emergency/key-targets                               | key-target   | 401 | 403 | 403 | 403 | 403 | 403 | ok
            PUT    | /api/emergency/key-targets/{fresh-key-target}            | key-target   | 401 | 403 | 403 | 403 | 403 | 403 | ok
            GET    | /api/emergency/plans                                     | -            | 401 | ok  | ok  | ok  | ok  | ok  | ok
            GET    | /api/emergency/plans/overdue                             | -            | 401 | 403 | 403 | ok  | ok  | ok  | ok
            POST   | /api/emergency/plans                                     | plan-banan   | 401 | ok  | ok  | ok  | ok  | ok  | 403
            PUT    | /api/emergency/plans/{fresh-plan-chem}                   | plan-banan   | 401 | ok  | 404 | 403 | 403 | 403 | 403
            POST   | /api/emergency/plans/{fresh-plan-chem}/filing            | -            | 401 | ok  | 404 | 403 | 403 | 403 | 403
            POST   | /api/emergency/plans/{fresh-filed-chem}/filing/acceptance | remark      | 401 | 403 | 403 | ok  | ok  | ok  | 403
            GET    | /api/emergency/drills                                    | -            | 401 | ok  | ok  | ok  | ok  | ok  | ok
            GET    | /api/emergency/drills/compliance                         | -            | 401 | ok  | ok  | ok  | ok  | ok  | ok
            GET    | /api/emergency/drills/district-counts                    | -            | 401 | 403 | 403 | ok  | ok  | ok  | ok
            POST   | /api/emergency/drills                                    | drill-banan  | 401 | ok  | ok  | ok  | ok  | ok  | 403
            POST   | /api/emergency/drills/{fresh-drill-chem}/held            | held         | 401 | ok  | 404 | 403 | 403 | 403 | 403
            POST   | /api/emergency/drills/{fresh-held-chem}/evaluation       | evaluate     | 401 | ok  | 404 | ok  | ok  | ok  | 403
            GET    | /api/public/emergency/safe-days                          | -            | ok  | ok  | ok  | ok  | ok  | ok  | ok
            GET    | /api/nothing-here                                        | -            | 401 | 404 | 404 | 404 | 404 | 404 | 404
            """)
    void shouldApplyRoleAndTenantRulesWhenAnyCallerCallsAnyRoute(String method, String path, String body, String anonymous,
                                                                 String entChem, String entBuild, String regBanan,
                                                                 String regNanpeng, String regCity, String ops) {
        String[] expected = {anonymous, entChem, entBuild, regBanan, regNanpeng, regCity, ops};
        int column = 0;
        for (String caller : CALLERS) {
            String want = expected[column++];
            String target = fresh(path);
            RequestSpecification call = "-".equals(body) ? Demo.as(caller) : Demo.as(caller).body(body(body));
            int status = call.when().request(method, target).then().extract().statusCode();
            String what = method + " " + target + " as " + caller + " answered " + status;
            if (want.equals("ok")) {
                assertEquals(2, status / 100, what + ", expected to be let through");
            } else {
                assertEquals(Integer.parseInt(want), status, what);
            }
        }
    }

    @Test
    void shouldMaskAnExpertsPhoneWhenTheCallerIsOutsideTheirDistrict() {
        Demo.as("ent.build").get("/api/emergency/experts/x-demo-banan-01").then().body("phoneMasked", equalTo(true))
                .body("phone", equalTo("138****0051"));
        Demo.as("reg.banan").get("/api/emergency/experts/x-demo-banan-01").then().body("phone", equalTo("13800000051"));
        Demo.as("reg.banan").get("/api/emergency/experts/x-demo-yubei-01").then().body("phoneMasked", equalTo(true));
    }

    private static String fresh(String path) {
        Matcher m = FRESH.matcher(path);
        if (!m.find()) {
            return path;
        }
        String id = switch (m.group(1)) {
            case "acc-chem" -> created("ent.chem", "/api/emergency/accidents", body("acc-chem"));
            case "acc-build" -> created("ent.build", "/api/emergency/accidents", body("acc-build"));
            case "acc-probe" -> investigated(created("ent.chem", "/api/emergency/accidents", body("acc-chem")));
            case "mat-yubei" -> created("ops", "/api/emergency/materials", body("mat-yubei"));
            case "team-yubei" -> created("ops", "/api/emergency/teams", body("team-yubei"));
            case "shelter" -> created("ops", "/api/emergency/shelters", body("shelter"));
            case "key-target" -> created("ops", "/api/emergency/key-targets", body("key-target"));
            case "day" -> Demo.today().plusDays(DAYS.incrementAndGet()).toString();
            case "rota" -> rota();
            case "plan-chem" -> created("ent.chem", "/api/emergency/plans", body("plan-banan"));
            case "filed-chem" -> filed(created("ent.chem", "/api/emergency/plans", body("plan-banan")));
            case "drill-chem" -> created("ent.chem", "/api/emergency/drills", body("drill-banan"));
            case "held-chem" -> held(created("ent.chem", "/api/emergency/drills", body("drill-banan")));
            default -> throw new IllegalArgumentException(m.group());
        };
        return m.replaceFirst(id);
    }

    private static String created(String user, String path, String body) {
        return Demo.as(user).body(body).post(path).then().statusCode(201).extract().path("id");
    }

    private static String investigated(String id) {
        Demo.as("reg.city").body(body("investigate")).post("/api/emergency/accidents/" + id + "/investigation").then().statusCode(200);
        return id;
    }

    private static String filed(String id) {
        Demo.as("ent.chem").post("/api/emergency/plans/" + id + "/filing").then().statusCode(200);
        return id;
    }

    private static String held(String id) {
        Demo.as("ent.chem").body(body("held")).post("/api/emergency/drills/" + id + "/held").then().statusCode(200);
        return id;
    }

    private static String rota() {
        String day = Demo.today().plusDays(DAYS.incrementAndGet()).toString();
        Demo.as("ops").body(body("duty-banan")).put("/api/emergency/duty/" + day).then().statusCode(200);
        return day;
    }

    private static String body(String name) {
        Instant occurred = Instant.now().truncatedTo(ChronoUnit.SECONDS).minus(30, ChronoUnit.MINUTES);
        String accident = ",\"kind\":\"MACHINERY_INJURY\",\"occurredAt\":\"" + occurred
                + "\",\"place\":\"矩阵测试\",\"deaths\":0,\"seriousInjuries\":1,\"directLossYuan\":10000}";
        String duty = ",\"leader\":{\"name\":\"王强\",\"phone\":\"13800000001\"},\"officers\":[{\"name\":\"李明\",\"phone\":\"13800000002\"}]}";
        String material = ",\"item\":\"矩阵测试物资\",\"unit\":\"件\",\"quantity\":5,\"tier\":\"DISTRICT\",\"location\":\"库\",\"lowStockThreshold\":1}";
        String team = ",\"name\":\"矩阵测试队\",\"specialty\":\"FIRE\",\"members\":5,\"leader\":\"张三\",\"phone\":\"13800000003\","
                + "\"readiness\":\"READY\",\"base\":\"站\"}";
        return switch (name) {
            case "acc-chem" -> "{\"enterpriseId\":\"chem-banan-01\"" + accident;
            // build-yubei-01 has two sectors: the report names one
            case "acc-build" -> "{\"enterpriseId\":\"build-yubei-01\",\"sector\":\"CONSTRUCTION\"" + accident;
            case "level-city" -> "{\"level\":\"CITY\"}";
            case "casualties" -> "{\"deaths\":0,\"seriousInjuries\":2,\"directLossYuan\":20000}";
            case "investigate" -> "{\"team\":\"矩阵测试调查组\"}";
            case "close" -> "{\"conclusion\":\"矩阵测试结案\"}";
            case "duty-banan" -> "{\"district\":\"巴南区\"" + duty;
            case "duty-yubei" -> "{\"district\":\"渝北区\"" + duty;
            case "mat-banan" -> "{\"district\":\"巴南区\"" + material;
            case "mat-yubei" -> "{\"district\":\"渝北区\"" + material;
            case "dispatch" -> "{\"fromMaterialId\":\"m-demo-nanquan-tents\",\"toMaterialId\":\"m-demo-yudong-tents\",\"quantity\":1,"
                    + "\"reason\":\"矩阵测试\"}";
            case "team-banan" -> "{\"district\":\"巴南区\"" + team;
            case "team-yubei" -> "{\"district\":\"渝北区\"" + team;
            case "shelter" -> "{\"name\":\"矩阵测试避难场所\",\"shelterClass\":\"SHORT_TERM\",\"capacity\":100,\"address\":\"址\","
                    + "\"manager\":\"张三\",\"phone\":\"13800000005\",\"district\":\"巴南区\",\"longitude\":106.6,\"latitude\":29.4}";
            case "key-target" -> "{\"name\":\"矩阵测试目标\",\"kind\":\"SCHOOL\",\"address\":\"址\",\"district\":\"巴南区\","
                    + "\"longitude\":106.6,\"latitude\":29.4}";
            case "expert-banan" -> "{\"district\":\"巴南区\",\"name\":\"测试专家\",\"specialty\":\"FIRE\",\"phone\":\"13800000004\"}";
            case "expert-yubei" -> "{\"district\":\"渝北区\",\"name\":\"吴芳\",\"specialty\":\"CONSTRUCTION\",\"title\":\"教授级高工\","
                    + "\"organisation\":\"重庆建工集团\",\"phone\":\"13800000061\"}";
            case "plan-banan" -> "{\"district\":\"巴南区\",\"title\":\"矩阵测试预案\",\"kind\":\"SPECIAL\",\"version\":\"v1\","
                    + "\"publishedOn\":\"" + Demo.today().minusDays(2) + "\"}";
            case "remark" -> "{\"remark\":\"矩阵测试\"}";
            case "drill-banan" -> "{\"district\":\"巴南区\",\"title\":\"矩阵测试演练\",\"form\":\"TABLETOP\",\"scope\":\"SPECIAL\","
                    + "\"plannedOn\":\"" + Demo.today() + "\"}";
            case "held" -> "{\"heldOn\":\"" + Demo.today() + "\",\"participants\":8}";
            case "evaluate" -> "{\"summary\":\"矩阵测试评估\",\"findings\":[]}";
            default -> throw new IllegalArgumentException(name);
        };
    }
}
