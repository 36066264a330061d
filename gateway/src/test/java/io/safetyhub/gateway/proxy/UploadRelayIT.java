package io.safetyhub.gateway.proxy;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.safetyhub.devstack.testing.RealInfraResource;
import io.safetyhub.devstack.testing.TestInfra;
import io.safetyhub.gateway.http.RawHttp;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Multipart is relayed only to the upload paths ({@code gateway.proxy.uploads.paths}), streamed with its declared
 * length (or chunked, counted), within its own limit (16 KiB in the test profile, the JSON limit being 4 KiB);
 * anywhere else it is 415.
 */
@QuarkusTest
@QuarkusTestResource(RealInfraResource.class)
@QuarkusTestResource(EchoUpstreams.class)
class UploadRelayIT {
    private static final String UPLOAD = "/api/enforcement/inspections/i-1/evidence";
    private static final String PROBLEM_JSON = "application/problem+json";

    @Test
    void shouldStreamTheMultipartBodyWhenARegulatorUploadsEvidence() {
        // Larger than the 4 KiB JSON limit, within the 16 KiB upload limit.
        byte[] photo = "JPEG".repeat(2_000).getBytes(StandardCharsets.US_ASCII);
        given().auth().oauth2(TestInfra.shared().token("reg.banan"))
                .multiPart("file", "site.jpg", photo, "image/jpeg")
                .multiPart("itemCode", "HC-01")
                .when().post(UPLOAD)
                .then().statusCode(200)
                .body("path", equalTo(UPLOAD))
                .body("contentType", startsWith("multipart/form-data"))
                .body("body", containsString("JPEGJPEG"))
                .body("body", containsString("HC-01"));
    }

    @Test
    void shouldAnswer415WhenMultipartGoesElsewhere() {
        given().auth().oauth2(TestInfra.shared().token("reg.banan"))
                .multiPart("file", "site.jpg", new byte[]{1, 2, 3}, "image/jpeg")
                .when().post("/api/enforcement/inspections")
                .then().statusCode(415).contentType(PROBLEM_JSON).body("code", equalTo("UNSUPPORTED_MEDIA_TYPE"));
    }

    @Test
    void shouldAnswer403BeforeReadingWhenAnEnterpriseUploads() {
        given().auth().oauth2(TestInfra.shared().token("ent.chem"))
                .multiPart("file", "site.jpg", new byte[]{1, 2, 3}, "image/jpeg")
                .when().post(UPLOAD)
                .then().statusCode(403).contentType(PROBLEM_JSON);
    }

    @Test
    void shouldCutOffWith413WhenAChunkedUploadPassesItsLimit() {
        given().auth().oauth2(TestInfra.shared().token("reg.banan"))
                .multiPart("file", "big.jpg", new byte[20 * 1024], "image/jpeg")
                .when().post(UPLOAD)
                .then().statusCode(413).contentType(PROBLEM_JSON).body("code", equalTo("BODY_TOO_LARGE"));
    }

    @Test
    void shouldAnswer413WhenADeclaredLengthExceedsTheUploadLimit() throws Exception {
        String token = TestInfra.shared().token("reg.banan");
        RawHttp.Answer answer = RawHttp.send("127.0.0.1", RestAssured.port, "POST " + UPLOAD + " HTTP/1.1"
                + "\r\nAuthorization: Bearer " + token
                + "\r\nContent-Type: multipart/form-data; boundary=b\r\nContent-Length: 20000", null);
        assertEquals(413, answer.status(), answer.body());
        assertTrue(answer.body().contains("BODY_TOO_LARGE"), answer.body());
    }

    @Test
    void shouldPassTheDeclaredLengthOnWhenAnUploadDeclaresIt() throws Exception {
        String token = TestInfra.shared().token("reg.banan");
        String part = "--b\r\nContent-Disposition: form-data; name=\"itemCode\"\r\n\r\nHC-02\r\n--b--\r\n";
        RawHttp.Answer answer = RawHttp.send("127.0.0.1", RestAssured.port, "POST " + UPLOAD + " HTTP/1.1"
                + "\r\nAuthorization: Bearer " + token + "\r\nContent-Type: multipart/form-data; boundary=b"
                + "\r\nContent-Length: " + part.length(), part);
        assertEquals(200, answer.status(), answer.body());
        assertTrue(answer.body().contains("\"contentLength\":\"" + part.length() + "\""), answer.body());
        assertTrue(answer.body().contains("HC-02"), answer.body());
    }

    @Test
    void shouldRelayAChunkedUploadWhenItStaysWithinTheLimit() throws Exception {
        String token = TestInfra.shared().token("reg.banan");
        String part = "--b\r\nContent-Disposition: form-data; name=\"itemCode\"\r\n\r\nHC-01\r\n--b--\r\n";
        RawHttp.Answer answer = RawHttp.send("127.0.0.1", RestAssured.port, "POST " + UPLOAD + " HTTP/1.1"
                        + "\r\nAuthorization: Bearer " + token
                        + "\r\nContent-Type: multipart/form-data; boundary=b\r\nTransfer-Encoding: chunked",
                Integer.toHexString(part.length()) + "\r\n" + part + "\r\n0\r\n\r\n");
        assertEquals(200, answer.status(), answer.body());
        assertTrue(answer.body().contains("HC-01"), answer.body());
    }
}
