package io.safetyhub.gateway.security;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.safetyhub.devstack.testing.TestInfra;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Extra clients in the test Keycloak only (created through its admin API, never in the realm file), to
 * get genuinely signed tokens of unusual shape: one without the services' audience (refused), one whose
 * tokens live two seconds (to be refused once expired), one whose tokens live ten seconds (long enough to
 * open the alarm stream, short enough to see it end at expiry).
 */
public final class KeycloakTestClients {
    static final String NO_AUDIENCE = "gateway-test-no-audience";
    static final String SHORT_LIVED = "gateway-test-short-lived";
    public static final String TEN_SECONDS = "gateway-test-ten-seconds";

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final ObjectMapper JSON = new ObjectMapper();

    private KeycloakTestClients() {
    }

    /** A password-grant token of {@code user} from {@code clientId}, creating the client on first use. */
    public static String token(String clientId, String user) throws IOException, InterruptedException {
        ensureClient(clientId);
        JsonNode answer = postForm(TestInfra.shared().issuer() + "/protocol/openid-connect/token",
                Map.of("grant_type", "password", "client_id", clientId, "username", user, "password", "safetyhub"), null);
        return answer.path("access_token").asText();
    }

    private static synchronized void ensureClient(String clientId) throws IOException, InterruptedException {
        String admin = postForm(TestInfra.shared().keycloakUrl() + "/realms/master/protocol/openid-connect/token",
                Map.of("grant_type", "password", "client_id", "admin-cli", "username", "admin", "password", "admin"), null)
                .path("access_token").asText();
        String lifespan = clientId.equals(SHORT_LIVED) ? "2" : clientId.equals(TEN_SECONDS) ? "10" : null;
        String body = lifespan != null
                ? "{\"clientId\":\"" + clientId + "\",\"publicClient\":true,\"directAccessGrantsEnabled\":true,"
                + "\"attributes\":{\"access.token.lifespan\":\"" + lifespan + "\"},\"protocolMappers\":[{\"name\":\"aud\","
                + "\"protocol\":\"openid-connect\",\"protocolMapper\":\"oidc-audience-mapper\",\"config\":{"
                + "\"included.client.audience\":\"safetyhub-services\",\"access.token.claim\":\"true\"}}]}"
                : "{\"clientId\":\"" + clientId + "\",\"publicClient\":true,\"directAccessGrantsEnabled\":true}";
        HttpResponse<String> created = HTTP.send(HttpRequest.newBuilder(URI.create(TestInfra.shared().keycloakUrl()
                        + "/admin/realms/safetyhub/clients"))
                .header("Authorization", "Bearer " + admin).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        if (created.statusCode() != 201 && created.statusCode() != 409) {
            throw new IllegalStateException("Keycloak refused client " + clientId + ": " + created.statusCode() + " " + created.body());
        }
    }

    private static JsonNode postForm(String url, Map<String, String> form, String bearer) throws IOException, InterruptedException {
        String encoded = form.entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(encoded));
        if (bearer != null) {
            request.header("Authorization", "Bearer " + bearer);
        }
        HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException(url + " answered " + response.statusCode() + ": " + response.body());
        }
        return JSON.readTree(response.body());
    }
}
