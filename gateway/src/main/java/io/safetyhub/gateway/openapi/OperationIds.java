package io.safetyhub.gateway.openapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * Every operation of the merged document gets an id, and no two the same: code generators and the Swagger UI
 * key on it. An id a service gave is kept; a missing one is made from method and path
 * ({@code POST /api/alarms/{id}/acknowledge} is {@code postAlarmsByIdAcknowledge}); an id two services both
 * use is prefixed by its service ({@code warning-service.list}).
 */
final class OperationIds {

    private OperationIds() {
    }

    /** @param serviceOfPath the upstream that serves a path */
    static void complete(ObjectNode document, Function<String, String> serviceOfPath) {
        record Located(ObjectNode operation, String method, String path) {
        }
        Map<String, List<Located>> byId = new HashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> paths = document.path("paths").fields(); paths.hasNext(); ) {
            Map.Entry<String, JsonNode> path = paths.next();
            for (Map.Entry<String, ObjectNode> operation : GatewayEdge.operations(path.getValue())) {
                String id = operation.getValue().path("operationId").asText("");
                if (id.isBlank()) {
                    id = derived(operation.getKey(), path.getKey());
                    operation.getValue().put("operationId", id);
                }
                byId.computeIfAbsent(id, k -> new ArrayList<>())
                        .add(new Located(operation.getValue(), operation.getKey(), path.getKey()));
            }
        }
        byId.forEach((id, operations) -> {
            if (operations.size() > 1) {
                for (Located located : operations) {
                    located.operation().put("operationId", serviceOfPath.apply(located.path()) + "." + id);
                }
            }
        });
        // A service that reuses one of its own ids (two methods of one name) still clashes: fall back to the path.
        Map<String, Integer> seen = new HashMap<>();
        byId.values().stream().flatMap(List::stream).forEach(located ->
                seen.merge(located.operation().path("operationId").asText(), 1, Integer::sum));
        byId.values().stream().flatMap(List::stream)
                .filter(located -> seen.get(located.operation().path("operationId").asText()) > 1)
                .forEach(located -> located.operation().put("operationId", derived(located.method(), located.path())));
    }

    /** {@code get} + {@code /api/alarms/{id}} is {@code getAlarmsById}. */
    static String derived(String method, String path) {
        StringBuilder id = new StringBuilder(method.toLowerCase(Locale.ROOT));
        String relative = path.startsWith("/api/") ? path.substring("/api".length()) : path;
        for (String segment : relative.split("/")) {
            if (segment.isEmpty()) {
                continue;
            }
            boolean parameter = segment.startsWith("{") && segment.endsWith("}");
            if (parameter) {
                id.append("By");
                segment = segment.substring(1, segment.length() - 1);
            }
            for (String word : segment.split("[^A-Za-z0-9]+")) {
                if (!word.isEmpty()) {
                    id.append(Character.toUpperCase(word.charAt(0))).append(word.substring(1));
                }
            }
        }
        return id.toString();
    }
}
