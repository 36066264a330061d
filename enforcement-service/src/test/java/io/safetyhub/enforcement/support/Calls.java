package io.safetyhub.enforcement.support;

import io.restassured.specification.RequestSpecification;
import io.safetyhub.devstack.testing.TestInfra;

import java.time.LocalDate;
import java.time.ZoneId;

import static io.restassured.RestAssured.given;

/** Requests as one of the demo users with a real Keycloak token ("anonymous" sends none). */
public final class Calls {
    private Calls() {
    }

    public static RequestSpecification as(String user) {
        RequestSpecification request = given().contentType("application/json");
        return "anonymous".equals(user) ? request : request.auth().oauth2(TestInfra.shared().token(user));
    }

    /** Today where the service reckons days. */
    public static LocalDate today() {
        return LocalDate.now(ZoneId.of("Asia/Shanghai"));
    }
}
