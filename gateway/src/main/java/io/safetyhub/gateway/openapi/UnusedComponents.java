package io.safetyhub.gateway.openapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Drops the components nothing in the merged document refers to any more: those only the paths the gateway
 * does not route (or the operations its policy denies) used. Security schemes are referred to by name, not by
 * {@code $ref}, and stay.
 */
final class UnusedComponents {
    private static final String PREFIX = "#/components/";

    private UnusedComponents() {
    }

    /** @return the removed components, as {@code section/name} */
    static List<String> prune(ObjectNode document) {
        JsonNode components = document.path("components");
        Set<String> reached = new HashSet<>();
        Deque<JsonNode> pending = new ArrayDeque<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = document.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            if (!field.getKey().equals("components")) {
                pending.push(field.getValue());
            }
        }
        while (!pending.isEmpty()) {
            JsonNode node = pending.pop();
            if (node.isObject()) {
                JsonNode ref = node.get("$ref");
                if (ref != null && ref.isTextual() && ref.asText().startsWith(PREFIX)) {
                    String key = ref.asText().substring(PREFIX.length());
                    String[] parts = key.split("/", 2);
                    if (parts.length == 2 && reached.add(key)) {
                        JsonNode target = components.path(parts[0]).path(unescape(parts[1]));
                        if (!target.isMissingNode()) {
                            pending.push(target);
                        }
                    }
                }
            }
            if (node.isContainerNode()) {
                node.elements().forEachRemaining(pending::push);
            }
        }
        List<String> removed = new java.util.ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> sections = components.fields(); sections.hasNext(); ) {
            Map.Entry<String, JsonNode> section = sections.next();
            if (section.getKey().equals("securitySchemes")) {
                continue;
            }
            for (Iterator<String> names = section.getValue().fieldNames(); names.hasNext(); ) {
                String name = names.next();
                if (!reached.contains(section.getKey() + "/" + escape(name))) {
                    removed.add(section.getKey() + "/" + name);
                    names.remove();
                }
            }
            if (section.getValue().isEmpty()) {
                sections.remove();
            }
        }
        return removed;
    }

    /** JSON pointer escaping (RFC 6901) of a component name inside a {@code $ref}. */
    private static String escape(String name) {
        return name.replace("~", "~0").replace("/", "~1");
    }

    private static String unescape(String token) {
        return token.replace("~1", "/").replace("~0", "~");
    }
}
