package io.safetyhub.training.access;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
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

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Every 201 names what it created by its public path, a relative reference: behind the gateway the service's own host
 * and port are neither reachable nor anybody's business (issue 15). The path answers the same caller.
 */
@QuarkusTest
@QuarkusTestResource(RealInfraResource.class)
class CreatedLocationIT {
    private static final LocalDate TODAY = LocalDate.now(ZoneId.of("Asia/Shanghai"));

    @Inject
    RegisteredEnterpriseRepository view;

    @BeforeEach
    void registry() throws Exception {
        DemoRegistry.ensure(view);
    }

    @ParameterizedTest(name = "{0} POST {1}")
    @CsvSource(delimiter = '|', textBlock = """
            ent.chem  | /api/personnel
            ent.chem  | /api/certificates
            ent.chem  | /api/training-records
            reg.banan | /api/exam-results
            ent.chem  | /api/activities
            """)
    void shouldLocateTheCreatedEntryByItsPublicPathWhenCreated(String user, String path) {
        Response created = Calls.as(user).body(body(path)).post(path);
        created.then().statusCode(201);
        String id = created.path("id");

        assertEquals(path + "/" + id, created.header("Location"));
        Calls.as(user).get(created.header("Location")).then().statusCode(200).body("id", equalTo(id));
    }

    private static String body(String path) {
        return switch (path) {
            case "/api/personnel" -> Bodies.person(null, Bodies.newIdCard("500113"));
            case "/api/certificates" -> Bodies.certificate("p-demo-chem-06", "SPECIAL_OPERATION", TODAY.minusDays(30));
            case "/api/training-records" -> Bodies.trainingRecord("p-demo-chem-06", 2, null, TODAY.minusDays(1));
            case "/api/exam-results" -> "{\"personId\": \"p-demo-chem-01\", \"examName\": \"位置测试\", \"examDate\": \""
                    + TODAY.minusDays(1) + "\", \"score\": 75}";
            case "/api/activities" -> Bodies.ownActivity("ANKANG_CUP", TODAY.plusDays(5));
            default -> throw new IllegalArgumentException(path);
        };
    }
}
