package io.safetyhub.bench;

import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/** A real access token from the stack's Keycloak (password grant of the console client, enabled in dev). */
public final class Tokens {
    private Tokens() {
    }

    public static String password(String keycloakUrl, String user, String password) throws IOException, InterruptedException {
        String form = "grant_type=password&client_id=safetyhub-console&username=" + enc(user) + "&password=" + enc(password);
        HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create(keycloakUrl + "/realms/safetyhub/protocol/openid-connect/token"))
                .timeout(Duration.ofSeconds(10)).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) {
            throw new IOException("Keycloak refused the login of " + user + ": HTTP " + r.statusCode());
        }
        return new ObjectMapper().readTree(r.body()).path("access_token").asText();
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
