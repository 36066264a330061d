package io.safetyhub.emergency.access;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.safetyhub.devstack.testing.RealInfraResource;
import io.safetyhub.emergency.enterprise.EnterpriseDirectory;
import io.safetyhub.emergency.support.Demo;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Bad input is 400 problem+json naming the field or parameter, and nothing is written. */
@QuarkusTest
@QuarkusTestResource(RealInfraResource.class)
class BadInputIT {
    @Inject
    EnterpriseDirectory directory;

    @BeforeEach
    void registry() throws Exception {
        Demo.registry(directory);
    }

    private static int accidents() {
        return Demo.as("ent.chem").get("/api/emergency/accidents?size=1").then().statusCode(200).extract().path("total");
    }

    /** An accident report with one field replaced; {@code FUTURE} and {@code CTRL} stand for values a CSV cannot hold. */
    private static String report(String field, String json) {
        String occurred = "\"" + Instant.now().truncatedTo(ChronoUnit.SECONDS).minus(1, ChronoUnit.HOURS) + "\"";
        String body = "{\"kind\":\"COLLAPSE\",\"occurredAt\":" + occurred + ",\"place\":\"车间\",\"deaths\":0,"
                + "\"seriousInjuries\":0,\"directLossYuan\":0}";
        String value = switch (json) {
            case "FUTURE" -> "\"" + Instant.now().plus(2, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS) + "\"";
            case "CTRL" -> "\"车间\\u0000\"";
            default -> json;
        };
        return body.replaceFirst("\"" + field + "\":(\"[^\"]*\"|-?[0-9]+)", java.util.regex.Matcher.quoteReplacement("\"" + field + "\":" + value));
    }

    @ParameterizedTest(name = "{0} = {1}")
    @CsvSource(delimiter = '|', textBlock = """
            deaths          | -1
            seriousInjuries | -3
            directLossYuan  | -100
            deaths          | 100001
            occurredAt      | FUTURE
            occurredAt      | "1949-12-31T00:00:00Z"
            occurredAt      | "yesterday"
            place           | ""
            place           | CTRL
            kind            | "EARTHQUAKE"
            """)
    void shouldNameTheFieldAndWriteNothingWhenAReportIsBad(String field, String value) {
        int before = accidents();
        Demo.as("ent.chem").body(report(field, value)).post("/api/emergency/accidents").then().statusCode(400)
                .contentType(startsWith("application/problem+json")).body("errors.field", hasItem(field));
        assertEquals(before, accidents());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            /api/emergency/accidents?page=x                | page
            /api/emergency/accidents?size=0                | size
            /api/emergency/accidents?year=20x6             | year
            /api/emergency/accidents?late=maybe            | late
            /api/emergency/accidents/stats?by=WEEK         | by
            /api/emergency/materials?tier=CITY             | tier
            /api/emergency/duty?from=2026-13-01            | from
            /api/emergency/plans?filing=LOST               | filing
            /api/emergency/drills?status=DONE              | status
            """)
    void shouldNameTheParameterWhenAQueryIsBad(String path, String parameter) {
        Demo.as("reg.city").get(path).then().statusCode(400).body("errors.field", hasItem(parameter));
    }
}
