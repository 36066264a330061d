package io.safetyhub.gateway.proxy;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.safetyhub.devstack.testing.RealInfraResource;
import io.safetyhub.devstack.testing.TestInfra;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Arrays;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * An evidence file of 8 MB downloaded through the gateway: it arrives byte for byte, with its length, and the gateway
 * passes it on as it comes rather than holding it whole (the upstream sends half and waits; the client must already
 * have that half while the upstream still waits).
 */
@QuarkusTest
@QuarkusTestResource(RealInfraResource.class)
@QuarkusTestResource(EchoUpstreams.class)
class StreamedDownloadIT {
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @Test
    void shouldRelayLargeBodyAsItArrivesWhenEvidenceIsDownloaded() throws Exception {
        String hold = UUID.randomUUID().toString();
        HttpResponse<InputStream> response = HTTP.send(HttpRequest.newBuilder(URI.create(
                        "http://localhost:" + RestAssured.port + EchoUpstreams.DOWNLOAD_PATH + "?" + hold))
                .header("Authorization", "Bearer " + TestInfra.shared().token("reg.banan")).GET().build(),
                HttpResponse.BodyHandlers.ofInputStream());
        assertEquals(200, response.statusCode());
        assertEquals(String.valueOf(EchoUpstreams.DOWNLOAD_BYTES), response.headers().firstValue("Content-Length").orElse(null));
        assertEquals("attachment; filename=\"big.bin\"", response.headers().firstValue("Content-Disposition").orElse(null));
        byte[] expected = EchoUpstreams.downloadBody();
        try (InputStream body = response.body()) {
            byte[] firstHalf = body.readNBytes(expected.length / 2);
            // Had the gateway waited for the whole body, the upstream's hold would have lapsed before this point.
            assertEquals("held", release(hold), "the first half reached the client only after the upstream sent it all");
            byte[] rest = body.readAllBytes();
            assertArrayEquals(Arrays.copyOfRange(expected, 0, expected.length / 2), firstHalf);
            assertArrayEquals(Arrays.copyOfRange(expected, expected.length / 2, expected.length), rest);
        }
    }

    /** Lets the upstream send the rest; says whether it was still holding it back. */
    private static String release(String hold) throws Exception {
        String upstreams = ConfigProvider.getConfig().getValue("gateway.upstreams", String.class);
        String echo = Arrays.stream(upstreams.split(",")).filter(u -> u.startsWith("echo-service="))
                .findFirst().orElseThrow().substring("echo-service=".length());
        return HTTP.send(HttpRequest.newBuilder(URI.create(echo + "/release?" + hold)).GET().build(),
                HttpResponse.BodyHandlers.ofString()).body();
    }
}
