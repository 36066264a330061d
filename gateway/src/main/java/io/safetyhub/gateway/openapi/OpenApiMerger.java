package io.safetyhub.gateway.openapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.safetyhub.gateway.route.RouteTable;
import io.safetyhub.gateway.security.RoutePolicy;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Merges the services' OpenAPI documents into the one the gateway serves. A path is taken from the
 * service the route table sends it to (so a document cannot claim another service's paths); a component
 * defined differently by two services is renamed {@code <service>.<name>} in each, with every
 * {@code $ref} of that service rewritten, while identical definitions are kept once under their name.
 * Then the gateway's own part is written in ({@link GatewayOwnPaths}, {@link GatewayEdge}: server, security by
 * the route policy, the gateway's own answers), every operation gets a unique id ({@link OperationIds}) and the
 * components no remaining operation uses are dropped ({@link UnusedComponents}).
 */
public final class OpenApiMerger {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final String DEFAULT_VERSION = "3.1.0";

    private OpenApiMerger() {
    }

    /**
     * @param documents   each available service's document, by upstream name
     * @param unavailable services whose document could not be fetched (named in the result)
     * @param policy      who may call what through the gateway: decides each operation's security
     * @param rateLimited whether the gateway's rate limits are on (every operation may then answer 429)
     */
    public static ObjectNode merge(String title, Map<String, JsonNode> documents, Set<String> unavailable,
                                   RouteTable routes, RoutePolicy policy, boolean rateLimited) {
        Map<String, JsonNode> sorted = new TreeMap<>(documents);
        Map<String, String> renames = clashingRenames(sorted);
        ObjectNode merged = NODES.objectNode();
        merged.put("openapi", sorted.values().stream().map(d -> d.path("openapi").asText(""))
                .filter(v -> !v.isEmpty()).findFirst().orElse(DEFAULT_VERSION));
        ObjectNode info = merged.putObject("info");
        info.put("title", title);
        info.put("version", "aggregated");
        info.put("description", "Every service's API as reached through the gateway. Included: "
                + String.join(", ", sorted.keySet()) + (unavailable.isEmpty() ? "."
                : ". Not reachable at the last refresh: " + String.join(", ", new TreeSet<>(unavailable)) + "."));
        merged.putArray("servers");
        ObjectNode paths = merged.putObject("paths");
        ObjectNode components = NODES.objectNode();
        Map<String, JsonNode> tags = new TreeMap<>();
        for (Map.Entry<String, JsonNode> service : sorted.entrySet()) {
            String name = service.getKey();
            JsonNode document = rewriteRefs(service.getValue().deepCopy(), name, renames);
            for (Iterator<Map.Entry<String, JsonNode>> it = document.path("paths").fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> path = it.next();
                boolean routedHere = routes.resolve(path.getKey())
                        .map(route -> route.upstream().name().equals(name)).orElse(false);
                if (routedHere) {
                    paths.set(path.getKey(), path.getValue());
                }
            }
            for (Iterator<Map.Entry<String, JsonNode>> sections = document.path("components").fields(); sections.hasNext(); ) {
                Map.Entry<String, JsonNode> section = sections.next();
                ObjectNode target = components.has(section.getKey())
                        ? (ObjectNode) components.get(section.getKey()) : components.putObject(section.getKey());
                for (Iterator<Map.Entry<String, JsonNode>> it = section.getValue().fields(); it.hasNext(); ) {
                    Map.Entry<String, JsonNode> component = it.next();
                    String key = renames.getOrDefault(refKey(name, section.getKey(), component.getKey()), component.getKey());
                    target.set(key, component.getValue());
                }
            }
            document.path("tags").forEach(tag -> tags.putIfAbsent(tag.path("name").asText(), described(tag, name)));
        }
        if (!tags.isEmpty()) {
            merged.putArray("tags").addAll(new ArrayList<>(tags.values()));
        }
        merged.set("components", components);
        merged.putArray("x-safetyhub-services").addAll(sorted.keySet().stream().map(NODES::textNode).toList());
        merged.putArray("x-safetyhub-unavailable").addAll(new TreeSet<>(unavailable).stream().map(NODES::textNode).toList());
        GatewayOwnPaths.add(paths);
        GatewayEdge.apply(merged, policy, rateLimited);
        OperationIds.complete(merged, path -> routes.resolve(path).map(route -> route.upstream().name()).orElse("gateway"));
        UnusedComponents.prune(merged);
        return merged;
    }

    /** A tag as its service declares it; one without a description at least says which service serves it. */
    private static JsonNode described(JsonNode tag, String service) {
        if (tag instanceof ObjectNode object && object.path("description").asText("").isBlank()) {
            ObjectNode copy = object.deepCopy();
            copy.put("description", "Served by " + service + ".");
            return copy;
        }
        return tag;
    }

    /** Which (service, section, name) must be renamed, and to what. */
    private static Map<String, String> clashingRenames(Map<String, JsonNode> documents) {
        Map<String, Map<String, JsonNode>> definitions = new HashMap<>();
        for (Map.Entry<String, JsonNode> service : documents.entrySet()) {
            for (Iterator<Map.Entry<String, JsonNode>> sections = service.getValue().path("components").fields(); sections.hasNext(); ) {
                Map.Entry<String, JsonNode> section = sections.next();
                for (Iterator<Map.Entry<String, JsonNode>> it = section.getValue().fields(); it.hasNext(); ) {
                    Map.Entry<String, JsonNode> component = it.next();
                    definitions.computeIfAbsent(section.getKey() + "/" + component.getKey(), k -> new TreeMap<>())
                            .put(service.getKey(), component.getValue());
                }
            }
        }
        Map<String, String> renames = new HashMap<>();
        definitions.forEach((sectionAndName, byService) -> {
            if (new HashSet<>(byService.values()).size() > 1) {
                String section = sectionAndName.substring(0, sectionAndName.indexOf('/'));
                String name = sectionAndName.substring(sectionAndName.indexOf('/') + 1);
                byService.keySet().forEach(service -> renames.put(refKey(service, section, name), service + "." + name));
            }
        });
        return renames;
    }

    private static JsonNode rewriteRefs(JsonNode node, String service, Map<String, String> renames) {
        if (node instanceof ObjectNode object) {
            JsonNode ref = object.get("$ref");
            if (ref != null && ref.isTextual() && ref.asText().startsWith("#/components/")) {
                String[] parts = ref.asText().substring("#/components/".length()).split("/", 2);
                if (parts.length == 2 && renames.containsKey(refKey(service, parts[0], parts[1]))) {
                    object.put("$ref", "#/components/" + parts[0] + "/" + renames.get(refKey(service, parts[0], parts[1])));
                }
            }
            List<JsonNode> children = new ArrayList<>();
            object.elements().forEachRemaining(children::add);
            children.forEach(child -> rewriteRefs(child, service, renames));
        } else if (node != null && node.isArray()) {
            node.forEach(child -> rewriteRefs(child, service, renames));
        }
        return node;
    }

    private static String refKey(String service, String section, String name) {
        return service + "\u0000" + section + "\u0000" + name;
    }
}
