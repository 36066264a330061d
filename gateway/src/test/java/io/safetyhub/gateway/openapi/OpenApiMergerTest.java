package io.safetyhub.gateway.openapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.safetyhub.gateway.route.RouteTable;
import io.safetyhub.gateway.security.RoutePolicy;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class OpenApiMergerTest {
    private final ObjectMapper json = new ObjectMapper();
    private final RouteTable routes = RouteTable.of(List.of("a=http://127.0.0.1:1", "b=http://127.0.0.1:2"),
            List.of("/api/alarms=a", "/api/hazards=b", "/api/public=b"));
    private final RoutePolicy policy = RoutePolicy.of(List.of(
            "/api/public GET ANONYMOUS",
            "/api/alarms * regulator|enterprise",
            "/api/hazards GET regulator|operator"), routes);

    @Test
    void shouldKeepSharedNameWhenDefinitionsAreIdentical() throws Exception {
        JsonNode a = json.readTree("""
                {"openapi":"3.0.3","paths":{"/api/alarms":{"get":{"responses":{"200":{"description":"ok","content":
                {"application/json":{"schema":{"$ref":"#/components/schemas/Page"}}}}}}}},
                "components":{"schemas":{"Page":{"type":"object"}}}}""");
        JsonNode b = json.readTree("""
                {"openapi":"3.0.3","paths":{"/api/hazards":{"get":{"responses":{"200":{"description":"ok","content":
                {"application/json":{"schema":{"$ref":"#/components/schemas/Page"}}}}}}}},
                "components":{"schemas":{"Page":{"type":"object"}}}}""");
        ObjectNode merged = merge(Map.of("a", a, "b", b), Set.of());
        assertEquals(Set.of("Page", "GatewayProblem"), fieldNames(merged.path("components").path("schemas")));
        assertEquals("3.0.3", merged.path("openapi").asText());
    }

    @Test
    void shouldRenameOnlyTheClashingSectionWhenSameNameIsUsedInAnotherSection() throws Exception {
        JsonNode a = json.readTree("{\"openapi\":\"3.1.0\",\"paths\":{\"/api/alarms/{id}\":{\"get\":{\"parameters\":"
                + "[{\"$ref\":\"#/components/parameters/Id\"}],\"responses\":{\"200\":{\"description\":\"ok\",\"content\":"
                + "{\"application/json\":{\"schema\":{\"$ref\":\"#/components/schemas/Id\"}}}}}}}},"
                + "\"components\":{\"parameters\":{\"Id\":{\"name\":\"id\",\"in\":\"path\"}},"
                + "\"schemas\":{\"Id\":{\"type\":\"string\"}}}}");
        JsonNode b = json.readTree("{\"openapi\":\"3.1.0\",\"paths\":{\"/api/alarms\":{\"get\":{}},\"/api/hazards/{id}\":"
                + "{\"get\":{\"parameters\":[{\"$ref\":\"#/components/parameters/Id\"}]}}},"
                + "\"components\":{\"parameters\":{\"Id\":{\"name\":\"hazardId\",\"in\":\"path\"}}}}");
        ObjectNode merged = merge(Map.of("a", a, "b", b), Set.of("c"));
        assertEquals(Set.of("a.Id", "b.Id"), fieldNames(merged.path("components").path("parameters")));
        assertTrue(merged.path("components").path("schemas").has("Id"));
        assertEquals("#/components/parameters/a.Id",
                merged.path("paths").path("/api/alarms/{id}").path("get").path("parameters").get(0).path("$ref").asText());
        // b claims /api/alarms, which is a's: not taken.
        assertFalse(merged.path("paths").has("/api/alarms"));
        assertTrue(merged.path("paths").has("/api/hazards/{id}"));
        assertEquals("c", merged.path("x-safetyhub-unavailable").get(0).asText());
    }

    @Test
    void shouldDeclareBearerByRoutePolicyAndNoSecurityOnPublicPathsWhenMerging() throws Exception {
        JsonNode a = json.readTree("""
                {"openapi":"3.1.0","paths":{"/api/alarms":{"get":{"security":[{"SecurityScheme":["enterprise","operator"]}],
                 "responses":{"200":{"description":"ok"},"401":{"description":"the service's own"}}}}},
                 "components":{"securitySchemes":{"SecurityScheme":{"type":"openIdConnect","openIdConnectUrl":"http://kc"}}}}""");
        JsonNode b = json.readTree("""
                {"openapi":"3.1.0","paths":{"/api/public/activities":{"get":{"responses":{"200":{"description":"ok"}}}},
                 "/api/hazards":{"get":{"responses":{"200":{"description":"ok"}}}}}}""");
        ObjectNode merged = merge(Map.of("a", a, "b", b), Set.of());

        assertEquals("/", merged.path("servers").get(0).path("url").asText());
        assertEquals(Set.of("bearer"), fieldNames(merged.path("components").path("securitySchemes")));
        assertEquals("http", merged.path("components").path("securitySchemes").path("bearer").path("type").asText());
        JsonNode alarms = merged.path("paths").path("/api/alarms").path("get");
        // Only who both the policy (regulator|enterprise) and the service (enterprise|operator) admit can call.
        assertEquals("[{\"bearer\":[\"enterprise\"]}]", alarms.path("security").toString());
        assertEquals("the service's own", alarms.path("responses").path("401").path("description").asText());
        assertEquals("#/components/responses/GatewayForbidden", alarms.path("responses").path("403").path("$ref").asText());
        assertEquals("#/components/responses/GatewayTooManyRequests", alarms.path("responses").path("429").path("$ref").asText());
        JsonNode hazards = merged.path("paths").path("/api/hazards").path("get");
        assertEquals("[{\"bearer\":[\"operator\",\"regulator\"]}]", hazards.path("security").toString());
        assertEquals("#/components/responses/GatewayUnauthorized", hazards.path("responses").path("401").path("$ref").asText());
        JsonNode open = merged.path("paths").path("/api/public/activities").path("get");
        assertTrue(open.path("security").isArray() && open.path("security").isEmpty(), open.toString());
        assertFalse(open.path("responses").has("401"), "a public operation never answers 401 for a missing token");
    }

    @Test
    void shouldLeaveOutOperationsThePolicyDeniesWhenMerging() throws Exception {
        JsonNode b = json.readTree("""
                {"openapi":"3.1.0","paths":{"/api/hazards":{"get":{"responses":{"200":{"description":"ok"}}},
                 "post":{"responses":{"200":{"description":"ok","content":{"application/json":
                   {"schema":{"$ref":"#/components/schemas/OnlyForPost"}}}}}}},
                 "/api/public/reports":{"post":{"responses":{"200":{"description":"ok"}}}}},
                 "components":{"schemas":{"OnlyForPost":{"type":"object"}}}}""");
        ObjectNode merged = merge(Map.of("b", b), Set.of());
        assertFalse(merged.path("paths").path("/api/hazards").has("post"));
        assertTrue(merged.path("paths").path("/api/hazards").has("get"));
        assertFalse(merged.path("paths").has("/api/public/reports"), "a path left without operations goes too");
        assertEquals(List.of("POST /api/hazards", "POST /api/public/reports"), texts(merged.path("x-safetyhub-denied")));
        assertFalse(merged.path("components").path("schemas").has("OnlyForPost"), "its schema is no longer used");
    }

    @Test
    void shouldGiveEveryOperationAUniqueIdWhenServicesOmitOrRepeatThem() throws Exception {
        JsonNode a = json.readTree("""
                {"openapi":"3.1.0","paths":{"/api/alarms":{"get":{"operationId":"list"}},
                 "/api/alarms/{id}/acknowledge":{"post":{}}}}""");
        JsonNode b = json.readTree("""
                {"openapi":"3.1.0","paths":{"/api/hazards":{"get":{"operationId":"list"}},
                 "/api/hazards/{id}":{"get":{"operationId":"hazard"}}}}""");
        ObjectNode merged = merge(Map.of("a", a, "b", b), Set.of());
        assertEquals("a.list", merged.at("/paths/~1api~1alarms/get/operationId").asText());
        assertEquals("b.list", merged.at("/paths/~1api~1hazards/get/operationId").asText());
        assertEquals("hazard", merged.at("/paths/~1api~1hazards~1{id}/get/operationId").asText());
        assertEquals("postAlarmsByIdAcknowledge", merged.at("/paths/~1api~1alarms~1{id}~1acknowledge/post/operationId").asText());
    }

    @Test
    void shouldDescribeTheGatewaysOwnAlarmStreamWhenAServiceDocumentsThePathToo() throws Exception {
        JsonNode a = json.readTree("""
                {"openapi":"3.1.0","tags":[{"name":"alarms"}],"paths":{"/api/alarms/stream":{"get":{"summary":"the service's"}}}}""");
        ObjectNode merged = merge(Map.of("a", a), Set.of());
        JsonNode stream = merged.at("/paths/~1api~1alarms~1stream/get");
        assertEquals("streamAlarms", stream.path("operationId").asText());
        assertTrue(stream.at("/responses/200/content").has("text/event-stream"), stream.toString());
        assertEquals("[{\"bearer\":[\"enterprise\",\"regulator\"]}]", stream.path("security").toString());
        assertEquals("Served by a.", merged.at("/tags/0/description").asText());
    }

    private ObjectNode merge(Map<String, JsonNode> documents, Set<String> unavailable) {
        return OpenApiMerger.merge("t", documents, unavailable, routes, policy, true);
    }

    private static List<String> texts(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(value -> values.add(value.asText()));
        return values;
    }

    private static Set<String> fieldNames(JsonNode node) {
        Set<String> names = new java.util.TreeSet<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
