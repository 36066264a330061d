package io.safetyhub.training.access;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.safetyhub.devstack.testing.RealInfraResource;
import io.safetyhub.training.enterprise.RegisteredEnterpriseRepository;
import io.safetyhub.training.support.Bodies;
import io.safetyhub.training.support.Calls;
import io.safetyhub.training.support.DemoRegistry;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.LocalDate;
import java.time.ZoneId;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Bad input answers 400 problem+json naming the field, and writes nothing: the total of the list the request
 * would have added to is the same before and after.
 */
@QuarkusTest
@QuarkusTestResource(RealInfraResource.class)
class BadInputIT {
    private static final LocalDate TODAY = LocalDate.now(ZoneId.of("Asia/Shanghai"));

    @Inject
    RegisteredEnterpriseRepository view;

    @BeforeEach
    void registry() throws Exception {
        DemoRegistry.ensure(view);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            wrong check digit            | /api/personnel         | /api/personnel?size=1           | idCardNumber | INVALID_ID_CARD
            birth date 19491331          | /api/personnel         | /api/personnel?size=1           | idCardNumber | INVALID_ID_CARD
            unknown role category        | /api/personnel         | /api/personnel?size=1           | roleCategory | MALFORMED_REQUEST
            name missing                 | /api/personnel         | /api/personnel?size=1           | name         | VALIDATION_FAILED
            expiry before issue          | /api/certificates      | /api/certificates?size=1        | validUntil   | INVALID_DATES
            review after expiry          | /api/certificates      | /api/certificates?size=1        | nextReview   | INVALID_DATES
            issued in the future         | /api/certificates      | /api/certificates?size=1        | issuedOn     | INVALID_DATES
            unknown certificate kind     | /api/certificates      | /api/certificates?size=1        | kind         | MALFORMED_REQUEST
            training in the future       | /api/training-records  | /api/training-records?size=1    | date         | INVALID_DATES
            exam score above 100         | /api/training-records  | /api/training-records?size=1    | examScore    | VALIDATION_FAILED
            unknown activity kind        | /api/activities        | /api/activities?size=1          | kind         | MALFORMED_REQUEST
            exam for a non-principal     | /api/exam-results      | /api/exam-results?size=1        | personId     | NOT_A_PRINCIPAL
            NUL in a name                | /api/personnel         | /api/personnel?size=1           | name         | VALIDATION_FAILED
            hired in 9999                | /api/personnel         | /api/personnel?size=1           | hiredOn      | INVALID_DATES
            valid until 9999             | /api/certificates      | /api/certificates?size=1        | validUntil   | INVALID_DATES
            escape in an authority       | /api/certificates      | /api/certificates?size=1        | authority    | VALIDATION_FAILED
            training in 1900             | /api/training-records  | /api/training-records?size=1    | date         | INVALID_DATES
            exam in 1900                 | /api/exam-results      | /api/exam-results?size=1        | examDate     | INVALID_DATES
            NUL in an activity title     | /api/activities        | /api/activities?size=1          | title        | VALIDATION_FAILED
            title of 201 characters      | /api/activities        | /api/activities?size=1          | title        | VALIDATION_FAILED
            activity in 9999             | /api/activities        | /api/activities?size=1          | date         | INVALID_DATES
            two million participants     | /api/activities        | /api/activities?size=1          | participants | VALIDATION_FAILED
            51 materials                 | /api/activities        | /api/activities?size=1          | materials    | VALIDATION_FAILED
            regulator names no organiser | /api/activities        | /api/activities?size=1          | organiser    | VALIDATION_FAILED
            """)
    void shouldAnswer400NamingTheFieldAndWriteNothingWhenInputIsBad(String what, String path, String list, String field,
                                                                  String code) {
        int before = total(list);
        Calls.as("ops").body(body(what)).post(path)
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("status", equalTo(400))
                .body("code", equalTo(code))
                .body("errors.field", hasItem(field));
        assertEquals(before, total(list), what + ": nothing may be written");
    }

    @ParameterizedTest(name = "GET {0}")
    @CsvSource(delimiter = '|', textBlock = """
            /api/certificates?status=SOMETIMES              | status
            /api/certificates?kind=PILOT                    | kind
            /api/personnel?roleCategory=BOSS                | roleCategory
            /api/activities?from=yesterday                  | from
            /api/compliance/certificate-rates/by?group=TOWN | group
            /api/personnel?size=1000                        | size
            /api/personnel?size=0                           | size
            /api/personnel?page=x                           | page
            /api/personnel?page=-1                          | page
            /api/personnel?page=2147483647&size=100         | page
            /api/certificates?page=2147483647               | page
            /api/compliance/uncertified?size=101            | size
            /api/compliance/reminders?page=-1               | page
            /api/training-records/hours?size=x              | size
            /api/public/activities?page=2147483647          | page
            /api/public/exam-results?size=0                 | size
            /api/training-records/hours?year=last           | year
            /api/activities/stats?year=1800                 | year
            """)
    void shouldAnswer400NamingTheParameterWhenAQueryValueIsUnknown(String path, String field) {
        Calls.as("reg.city").get(path).then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem(field));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            not json     | {"name":
            """)
    void shouldAnswer400ProblemWhenBodyIsNotJson(String what, String body) {
        Calls.as("ent.chem").body(body).post("/api/personnel").then().statusCode(400)
                .contentType("application/problem+json").body("code", equalTo("MALFORMED_JSON"));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"Bearer not-a-token, UNAUTHENTICATED", "Basic b3BzOnNhZmV0eWh1Yg==, UNAUTHENTICATED"})
    void shouldAnswer401ProblemWhenTheTokenIsInvalidOrNotBearer(String authorization, String code) {
        given().header("Authorization", authorization).get("/api/certificates").then().statusCode(401)
                .contentType("application/problem+json").body("code", equalTo(code));
    }

    private static int total(String list) {
        return Calls.as("ops").get(list).then().statusCode(200).extract().path("total");
    }

    private static String body(String what) {
        return switch (what) {
            case "wrong check digit" -> Bodies.person("chem-banan-01", "110105194912310021");
            case "birth date 19491331" -> Bodies.person("chem-banan-01", "110105194913310025");
            case "unknown role category" -> Bodies.person("chem-banan-01", Bodies.newIdCard("500113")).replace("\"OTHER\"", "\"BOSS\"");
            case "name missing" -> Bodies.person("chem-banan-01", Bodies.newIdCard("500113")).replace("\"name\": \"测试员工\", ", "");
            case "expiry before issue" -> Bodies.certificate("p-demo-chem-06", "SPECIAL_OPERATION", TODAY.minusYears(1))
                    .replace("}", ", \"validUntil\": \"" + TODAY.minusYears(2) + "\"}");
            case "review after expiry" -> Bodies.certificate("p-demo-chem-06", "SPECIAL_OPERATION", TODAY.minusYears(1))
                    .replace("}", ", \"validUntil\": \"" + TODAY.plusYears(1) + "\", \"nextReview\": \"" + TODAY.plusYears(2) + "\"}");
            case "issued in the future" -> Bodies.certificate("p-demo-chem-06", "SPECIAL_OPERATION", TODAY.plusDays(5));
            case "unknown certificate kind" -> Bodies.certificate("p-demo-chem-06", "PILOT_LICENCE", TODAY.minusYears(1));
            case "training in the future" -> Bodies.trainingRecord("p-demo-chem-06", 2, null, TODAY.plusDays(2));
            case "exam score above 100" -> Bodies.trainingRecord("p-demo-chem-06", 2, 101, TODAY.minusDays(2));
            case "unknown activity kind" -> Bodies.activity("巴南区", "PARADE", TODAY.plusDays(2));
            case "exam for a non-principal" -> "{\"personId\": \"p-demo-chem-03\", \"examName\": \"应知应会\", \"examDate\": \""
                    + TODAY.minusDays(1) + "\", \"score\": 70}";
            case "NUL in a name" -> Bodies.person("chem-banan-01", Bodies.newIdCard("500113")).replace("测试员工", "测试\\u0000员工");
            case "hired in 9999" -> Bodies.person("chem-banan-01", Bodies.newIdCard("500113")).replace("}", ", \"hiredOn\": \"9999-12-31\"}");
            case "valid until 9999" -> Bodies.certificate("p-demo-chem-06", "SPECIAL_OPERATION", TODAY.minusYears(1))
                    .replace("}", ", \"validUntil\": \"9999-12-31\"}");
            case "escape in an authority" -> Bodies.certificate("p-demo-chem-06", "SPECIAL_OPERATION", TODAY.minusYears(1))
                    .replace("重庆市应急管理局", "重庆市\\u001b[31m应急管理局");
            case "training in 1900" -> Bodies.trainingRecord("p-demo-chem-06", 2, null, LocalDate.parse("1900-01-01"));
            case "exam in 1900" -> "{\"personId\": \"p-demo-chem-01\", \"examName\": \"应知应会\", \"examDate\": \"1900-01-01\", \"score\": 70}";
            case "NUL in an activity title" -> Bodies.activity("巴南区", "FIVE_INTOS", TODAY.plusDays(2)).replace("测试活动", "测试\\u0000活动");
            case "title of 201 characters" -> Bodies.activity("巴南区", "FIVE_INTOS", TODAY.plusDays(2)).replace("测试活动", "长".repeat(201));
            case "activity in 9999" -> Bodies.activity("巴南区", "FIVE_INTOS", LocalDate.parse("9999-12-31"));
            case "two million participants" -> Bodies.activity("巴南区", "FIVE_INTOS", TODAY.plusDays(2))
                    .replace("\"participants\": 10", "\"participants\": 2000000");
            case "51 materials" -> Bodies.activity("巴南区", "FIVE_INTOS", TODAY.plusDays(2))
                    .replace("[\"折页\"]", "[" + String.join(", ", java.util.Collections.nCopies(51, "\"折页\"")) + "]");
            case "regulator names no organiser" -> Bodies.activity("巴南区", "FIVE_INTOS", TODAY.plusDays(2))
                    .replace("\"organiser\": \"测试单位\", ", "");
            default -> throw new IllegalArgumentException(what);
        };
    }
}
