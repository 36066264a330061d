package io.safetyhub.gateway.openapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.safetyhub.gateway.route.RouteTable;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class OpenApiMergerTest {
    private final ObjectMapper json = new ObjectMapper();
    private final RouteTable routes = RouteTable.of(List.of("a=http://127.0.0.1:1", "b=http://127.0.0.1:2"),
            List.of("/api/alarms=a", "/api/hazards=b"));

    @Test
    void shouldKeepSharedNameWhenDefinitionsAreIdentical() throws Exception {
        JsonNode a = json.readTree("{\"openapi\":\"3.0.3\",\"components\":{\"schemas\":{\"Page\":{\"type\":\"object\"}}}}");
        JsonNode b = json.readTree("{\"openapi\":\"3.0.3\",\"components\":{\"schemas\":{\"Page\":{\"type\":\"object\"}}}}");
        ObjectNode merged = OpenApiMerger.merge("t", Map.of("a", a, "b", b), Set.of(), routes);
        assertEquals(Set.of("Page"), fieldNames(merged.path("components").path("schemas")));
        assertEquals("3.0.3", merged.path("openapi").asText());
    }

    @Test
    void shouldRenameOnlyTheClashingSectionWhenSameNameIsUsedInAnotherSection() throws Exception {
        JsonNode a = json.readTree("{\"openapi\":\"3.1.0\",\"paths\":{\"/api/alarms/{id}\":{\"get\":{\"parameters\":"
                + "[{\"$ref\":\"#/components/parameters/Id\"}]}}},\"components\":{\"parameters\":{\"Id\":{\"name\":\"id\",\"in\":\"path\"}},"
                + "\"schemas\":{\"Id\":{\"type\":\"string\"}}}}");
        JsonNode b = json.readTree("{\"openapi\":\"3.1.0\",\"paths\":{\"/api/alarms\":{\"get\":{}},\"/api/hazards\":{\"get\":{}}},"
                + "\"components\":{\"parameters\":{\"Id\":{\"name\":\"hazardId\",\"in\":\"path\"}}}}");
        ObjectNode merged = OpenApiMerger.merge("t", Map.of("a", a, "b", b), Set.of("c"), routes);
        assertEquals(Set.of("a.Id", "b.Id"), fieldNames(merged.path("components").path("parameters")));
        assertEquals(Set.of("Id"), fieldNames(merged.path("components").path("schemas")));
        assertEquals("#/components/parameters/a.Id",
                merged.path("paths").path("/api/alarms/{id}").path("get").path("parameters").get(0).path("$ref").asText());
        // b claims /api/alarms, which is a's: not taken.
        assertFalse(merged.path("paths").path("/api/alarms").has("get"));
        assertTrue(merged.path("paths").has("/api/hazards"));
        assertEquals("c", merged.path("x-safetyhub-unavailable").get(0).asText());
    }

    private static Set<String> fieldNames(JsonNode node) {
        Set<String> names = new java.util.TreeSet<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
