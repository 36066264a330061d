package io.safetyhub.devstack.testing;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** Gets real tokens from the test Keycloak and reuses each until shortly before it expires. */
final class TokenClient {

    /** Every demo user's dev password. */
    static final String PASSWORD = "safetyhub";
    static final String CONSOLE_CLIENT = "safetyhub-console";
    static final String SERVICES_CLIENT = "safetyhub-services";
    static final String SERVICES_SECRET = "safetyhub-services-secret";

    // Two fields of Keycloak's token response are all we need; a regex keeps the harness free of a
    // JSON library that would land on every service's test classpath.
    private static final Pattern ACCESS_TOKEN = Pattern.compile("\"access_token\"\\s*:\\s*\"([^\"]+)\"");
    private static final Pattern EXPIRES_IN = Pattern.compile("\"expires_in\"\\s*:\\s*(\\d+)");
    private static final Duration MARGIN = Duration.ofSeconds(60);

    private final String tokenEndpoint;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final Map<String, Cached> cache = new HashMap<>();

    /** @param keycloakUrl reachable base URL; the issuer does not depend on it (Keycloak's --hostname) */
    TokenClient(String keycloakUrl, String realm) {
        this.tokenEndpoint = keycloakUrl + "/realms/" + realm + "/protocol/openid-connect/token";
    }

    synchronized String passwordGrant(String username) {
        return cached("user:" + username, () -> request(form(
                "grant_type", "password",
                "client_id", CONSOLE_CLIENT,
                "username", username,
                "password", PASSWORD)));
    }

    synchronized String clientCredentials() {
        return cached("client:" + SERVICES_CLIENT, () -> request(form(
                "grant_type", "client_credentials",
                "client_id", SERVICES_CLIENT,
                "client_secret", SERVICES_SECRET)));
    }

    synchronized void forget() {
        cache.clear();
    }

    private String cached(String key, TokenRequest fetch) {
        Cached hit = cache.get(key);
        if (hit != null && Instant.now().isBefore(hit.refreshAfter())) {
            return hit.token();
        }
        Cached fresh = fetch.get();
        cache.put(key, fresh);
        return fresh.token();
    }

    private Cached request(String form) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(tokenEndpoint))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form))
                .build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            Matcher token = ACCESS_TOKEN.matcher(response.body());
            if (response.statusCode() != 200 || !token.find()) {
                throw new IllegalStateException("token request to " + tokenEndpoint + " failed with HTTP "
                        + response.statusCode() + ": " + response.body());
            }
            Matcher expires = EXPIRES_IN.matcher(response.body());
            long seconds = expires.find() ? Long.parseLong(expires.group(1)) : 60;
            Instant refreshAfter = Instant.now().plusSeconds(seconds).minus(MARGIN);
            return new Cached(token.group(1), refreshAfter);
        } catch (IOException e) {
            throw new IllegalStateException("token request to " + tokenEndpoint + " failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while requesting a token", e);
        }
    }

    private static String form(String... pairs) {
        Map<String, String> fields = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            fields.put(pairs[i], pairs[i + 1]);
        }
        return fields.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    private record Cached(String token, Instant refreshAfter) {
    }

    @FunctionalInterface
    private interface TokenRequest {
        Cached get();
    }
}
