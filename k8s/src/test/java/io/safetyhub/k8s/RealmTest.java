package io.safetyhub.k8s;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Keycloak in the cluster imports the realm devstack imports on a laptop (devstack/realm/safetyhub-realm.json),
 * so that roles, claims and clients cannot drift apart; prod differs from it only where a laptop's
 * conveniences would be a hole.
 */
class RealmTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static JsonNode devstackRealm() throws IOException {
        return JSON.readTree(Project.repoRoot().resolve("devstack/realm/safetyhub-realm.json").toFile());
    }

    private static JsonNode importedRealm(String overlay) {
        List<Rendered.Manifest> imports = OverlayTest.render(overlay).ofKind("KeycloakRealmImport");
        assertEquals(1, imports.size(), overlay + " imports one realm");
        return imports.get(0).raw().at("/spec/realm");
    }

    private static JsonNode client(JsonNode realm, String clientId) {
        for (JsonNode client : realm.path("clients")) {
            if (clientId.equals(client.path("clientId").asText())) {
                return client;
            }
        }
        throw new AssertionError("realm has no client " + clientId);
    }

    @Test
    void shouldImportDevstackRealmVerbatimWhenDevIsRendered() throws IOException {
        assertEquals(devstackRealm(), importedRealm("dev"),
                "k8s/infra/keycloak/realm-import.yaml differs from devstack's realm: run k8s/tools/sync-realm.sh");
    }

    @Test
    void shouldDifferFromDevstackOnlyInUsersSecretAndConsoleUrlsWhenProdIsRendered() throws IOException {
        JsonNode prod = importedRealm("prod");
        ObjectNode expected = (ObjectNode) devstackRealm().deepCopy();
        expected.remove("users");
        // The patch addresses clients by index: these are the clients it must have hit.
        ObjectNode console = (ObjectNode) client(expected, "safetyhub-console");
        console.put("rootUrl", "https://safetyhub.example.cn");
        console.putArray("redirectUris").add("https://safetyhub.example.cn/*");
        console.put("directAccessGrantsEnabled", false);
        ((ObjectNode) client(expected, "safetyhub-services")).put("secret", "${SAFETYHUB_SERVICES_SECRET}");
        ((com.fasterxml.jackson.databind.node.ArrayNode) expected.path("clients")).add(client(prod, "admin-cli"));
        assertEquals(expected, prod);
    }

    @Test
    void shouldRefusePasswordGrantsOnEveryClientWhenProdIsRendered() {
        JsonNode prod = importedRealm("prod");
        List<String> granting = new ArrayList<>();
        prod.path("clients").forEach(c -> {
            if (c.path("directAccessGrantsEnabled").asBoolean(true)) {
                granting.add(c.path("clientId").asText());
            }
        });
        assertEquals(List.of(), granting, "clients allowing a password grant in prod (Keycloak's default is on)");
        List<String> clientIds = new ArrayList<>();
        prod.path("clients").forEach(c -> clientIds.add(c.path("clientId").asText()));
        assertTrue(clientIds.contains("admin-cli"), "admin-cli is declared, else Keycloak creates it with grants on");
    }

    /** Keycloak's brute-force detection locks an account after repeated failures (30 wrong, then right, was let in). */
    @Test
    void shouldLockOutPasswordGuessingWhenAnyEnvironmentIsRendered() throws IOException {
        for (JsonNode realm : List.of(devstackRealm(), importedRealm("prod"))) {
            assertTrue(realm.path("bruteForceProtected").asBoolean(), "bruteForceProtected");
            int failures = realm.path("failureFactor").asInt(30);
            assertTrue(failures > 0 && failures <= 10, "lockout after at most 10 failures, was " + failures);
            assertTrue(realm.path("waitIncrementSeconds").asInt() >= 60, "wait at least a minute after a lockout");
        }
    }

    @Test
    void shouldCarryNoDemoPasswordOrLaptopUrlWhenProdIsRendered() {
        JsonNode prod = importedRealm("prod");
        assertFalse(prod.has("users"), "prod imports the demo users, whose password is public");
        List<String> urls = new ArrayList<>();
        client(prod, "safetyhub-console").path("redirectUris").forEach(u -> urls.add(u.asText()));
        assertTrue(urls.stream().allMatch(u -> u.startsWith("https://")), "console redirect URIs " + urls);
        String secret = client(prod, "safetyhub-services").path("secret").asText();
        assertTrue(secret.startsWith("${") && secret.endsWith("}"), "the services' client secret is a literal: " + secret);
    }
}
