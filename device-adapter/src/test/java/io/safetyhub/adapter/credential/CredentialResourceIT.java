package io.safetyhub.adapter.credential;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import io.safetyhub.adapter.testing.DeviceTlsResource;
import io.safetyhub.adapter.testing.TestDevice;
import io.safetyhub.adapter.testing.TestPki;
import io.safetyhub.devstack.testing.RealInfraResource;
import io.safetyhub.devstack.testing.TestInfra;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The credential lifecycle over REST with real tokens: issue, show once, rotate, pin a certificate, revoke. */
@QuarkusTest
@QuarkusTestResource(value = RealInfraResource.class, restrictToAnnotatedClass = false)
@QuarkusTestResource(value = DeviceTlsResource.class, restrictToAnnotatedClass = false)
class CredentialResourceIT {

    @Test
    void shouldShowThePasswordOnceAndNeverAgainWhenAnOperatorIssuesIt() {
        String id = register();
        Response issued = as("ops").post("/api/devices/" + id + "/credentials/password?validDays=30");
        issued.then().statusCode(201).header("Cache-Control", "no-store")
                .body("deviceId", equalTo(id)).body("username", equalTo(id));
        String password = issued.path("password");
        assertEquals(32, password.length());
        Instant expiresAt = Instant.parse(issued.path("expiresAt"));
        assertTrue(expiresAt.isAfter(Instant.now().plus(Duration.ofDays(29))) && expiresAt.isBefore(
                Instant.now().plus(Duration.ofDays(31))), "valid for the 30 days asked: " + expiresAt);

        String view = as("ops").get("/api/devices/" + id + "/credentials").then().statusCode(200)
                .body("password.expired", equalTo(false)).body("certificate", nullValue())
                .extract().asString();
        assertFalse(view.contains(password), "the secret is never shown again");
        assertFalse(view.contains("hash") || view.contains("salt"), view);
    }

    @Test
    void shouldReplaceThePasswordWhenRotated() {
        String id = register();
        String first = as("ops").post("/api/devices/" + id + "/credentials/password").then().statusCode(201)
                .extract().path("password");
        String second = as("ops").post("/api/devices/" + id + "/credentials/password").then().statusCode(201)
                .extract().path("password");

        assertNotEquals(first, second);
        as("ops").delete("/api/devices/" + id + "/credentials/password").then().statusCode(204);
        as("ops").get("/api/devices/" + id + "/credentials").then().statusCode(200).body("password", nullValue());
    }

    @Test
    void shouldRefuseEveryoneButOperatorsWhenCredentialsAreAsked() {
        String id = register();
        for (String user : List.of("reg.city", "reg.banan", "ent.chem")) {
            as(user).post("/api/devices/" + id + "/credentials/password").then().statusCode(403)
                    .contentType("application/problem+json");
            as(user).get("/api/devices/" + id + "/credentials").then().statusCode(403);
        }
        given().post("/api/devices/" + id + "/credentials/password").then().statusCode(401);
    }

    @Test
    void shouldAnswerNotFoundAndConflictWhenTheDeviceIsUnknownOrNotMqtt() {
        as("ops").post("/api/devices/NO-SUCH-DEVICE/credentials/password").then().statusCode(404)
                .body("code", equalTo("NOT_FOUND"));
        as("ops").post("/api/devices/TK-T101/credentials/password").then().statusCode(409)
                .body("code", equalTo("NOT_AN_MQTT_DEVICE"));
        as("ops").post("/api/devices/GA-0001/credentials/password?validDays=0").then().statusCode(400)
                .body("errors.field", hasItem("validDays"));
    }

    @Test
    void shouldPinOnlyACertificateOfTheDeviceCaNamingTheDeviceWhenOneIsRegistered() {
        String id = register();
        TestPki.Issued ca = DeviceTlsResource.ca();
        TestPki.Issued good = TestPki.issue(ca, id, null, Duration.ofDays(10));
        TestPki.Issued otherDevice = TestPki.issue(ca, "GA-0001", null, Duration.ofDays(10));
        TestPki.Issued otherCa = TestPki.issue(TestPki.ca("another CA"), id, null, Duration.ofDays(10));
        String path = "/api/devices/" + id + "/credentials/certificate";

        as("ops").contentType(ContentType.JSON).body(Map.of("certificate", otherDevice.certificatePem())).put(path)
                .then().statusCode(400).body("errors.field", hasItem("certificate"));
        as("ops").contentType(ContentType.JSON).body(Map.of("certificate", otherCa.certificatePem())).put(path)
                .then().statusCode(400).body("errors.field", hasItem("certificate"));
        as("ops").contentType(ContentType.JSON).body(Map.of("certificate", "not a certificate")).put(path)
                .then().statusCode(400).body("errors.field", hasItem("certificate"));
        as("ops").contentType(ContentType.JSON).body(Map.of("certificate", good.certificatePem())).put(path)
                .then().statusCode(200).body("certificate.subject", equalTo("CN=" + id))
                .body("certificate.sha256", equalTo(ClientCertificates.sha256(good.certificate())))
                .body("certificate.notAfter", notNullValue());
        as("ops").delete(path).then().statusCode(204);
        as("ops").get("/api/devices/" + id + "/credentials").then().body("certificate", nullValue());
    }

    private static String register() {
        String id = TestDevice.uniqueId("GA");
        as("ops").contentType(ContentType.JSON).body(Map.of("id", id, "enterpriseId", "chem-banan-01",
                "kind", "gas-alarm", "protocol", "MQTT")).post("/api/devices").then().statusCode(201);
        return id;
    }

    private static RequestSpecification as(String user) {
        return given().auth().oauth2(TestInfra.shared().token(user));
    }
}
