package io.safetyhub.gateway.openapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.safetyhub.gateway.security.PolicyRule;
import io.safetyhub.gateway.security.RoutePolicy;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Writes into the merged document what the gateway itself decides for every operation, which no service can
 * know: the one server (the gateway), the one way to authenticate (a Keycloak bearer token, whatever a
 * service calls its scheme), who may call each operation by the route policy ({@code security: []} where it
 * admits callers without a token), and the answers the gateway gives before a service sees the request (401,
 * 403, 429). An operation the policy denies to everyone cannot be reached and is left out, and named in
 * {@code x-safetyhub-denied}.
 */
final class GatewayEdge {
    static final String SCHEME = "bearer";
    static final List<String> METHODS = List.of("get", "put", "post", "delete", "options", "head", "patch", "trace");
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final String PROBLEM = "GatewayProblem";

    private GatewayEdge() {
    }

    /**
     * @param rateLimited whether the gateway's per-client rate limits are on (then every operation may get 429)
     */
    static void apply(ObjectNode document, RoutePolicy policy, boolean rateLimited) {
        ArrayNode servers = document.putArray("servers");
        servers.addObject().put("url", "/")
                .put("description", "this gateway: every path is reached through it, never on a service directly");
        ObjectNode components = document.with("components");
        // Services name their scheme as they like and point it at the issuer they see; through the gateway
        // there is exactly one: the realm's access token in the Authorization header.
        ObjectNode schemes = components.putObject("securitySchemes");
        schemes.putObject(SCHEME).put("type", "http").put("scheme", "bearer").put("bearerFormat", "JWT")
                .put("description", "An access token of the Keycloak realm safetyhub, sent as "
                        + "'Authorization: Bearer <token>'. The gateway verifies it and relays it to the service, "
                        + "which applies the caller's tenant scope (enterprise, district). The role names listed "
                        + "with an operation are the realm roles of which the caller needs one.");
        addGatewayAnswers(components, rateLimited);

        ArrayNode denied = NODES.arrayNode();
        for (Iterator<Map.Entry<String, JsonNode>> paths = document.path("paths").fields(); paths.hasNext(); ) {
            Map.Entry<String, JsonNode> path = paths.next();
            if (!(path.getValue() instanceof ObjectNode item)) {
                continue;
            }
            for (String method : METHODS) {
                if (!(item.get(method) instanceof ObjectNode operation)) {
                    continue;
                }
                Optional<PolicyRule> rule = policy.ruleFor(path.getKey(), method.toUpperCase(Locale.ROOT));
                if (rule.isEmpty()) {
                    item.remove(method);
                    denied.add(method.toUpperCase(Locale.ROOT) + " " + path.getKey());
                    continue;
                }
                declareAccess(operation, rule.get(), rateLimited);
            }
            if (METHODS.stream().noneMatch(item::has)) {
                paths.remove();
            }
        }
        document.set("x-safetyhub-denied", denied);
    }

    /** Security and the gateway's own answers of one operation the policy lets through. */
    private static void declareAccess(ObjectNode operation, PolicyRule rule, boolean rateLimited) {
        ObjectNode responses = operation.with("responses");
        if (rule.anonymous()) {
            operation.putArray("security");
        } else {
            Set<String> effective = effectiveRoles(operation, rule);
            ArrayNode roles = operation.putArray("security").addObject().putArray(SCHEME);
            effective.forEach(roles::add);
            addIfAbsent(responses, "401", "GatewayUnauthorized");
            addIfAbsent(responses, "403", "GatewayForbidden");
        }
        if (rateLimited) {
            addIfAbsent(responses, "429", "GatewayTooManyRequests");
        }
    }

    /**
     * The roles that can actually call: those the policy admits and, where the service names its own (as
     * Quarkus writes {@code @RolesAllowed} into its requirement), also those.
     */
    private static Set<String> effectiveRoles(ObjectNode operation, PolicyRule rule) {
        Set<String> declared = new TreeSet<>();
        operation.path("security").forEach(requirement -> requirement.fields()
                .forEachRemaining(scheme -> scheme.getValue().forEach(role -> declared.add(role.asText()))));
        Set<String> roles = new TreeSet<>(rule.roles());
        if (!declared.isEmpty()) {
            roles.retainAll(declared);
        }
        return roles;
    }

    private static void addIfAbsent(ObjectNode responses, String status, String component) {
        if (!responses.has(status)) {
            responses.putObject(status).put("$ref", "#/components/responses/" + component);
        }
    }

    private static void addGatewayAnswers(ObjectNode components, boolean rateLimited) {
        ObjectNode problem = components.with("schemas").putObject(PROBLEM);
        problem.put("type", "object").put("description",
                "RFC 9457 problem details, the shape every SafetyHub error has (application/problem+json)");
        problem.putArray("required").add("type").add("title").add("status").add("code");
        ObjectNode properties = problem.putObject("properties");
        properties.putObject("type").put("type", "string").put("format", "uri");
        properties.putObject("title").put("type", "string");
        properties.putObject("status").put("type", "integer").put("format", "int32");
        properties.putObject("detail").put("type", "string");
        properties.putObject("code").put("type", "string").put("description", "stable machine-readable reason, e.g. UNAUTHENTICATED");
        properties.putObject("instance").put("type", "string");
        properties.putObject("requestId").put("type", "string").put("description", "the X-Request-Id to quote");

        ObjectNode responses = components.with("responses");
        ObjectNode unauthorized = problemResponse(responses, "GatewayUnauthorized",
                "No bearer token, or one that is malformed, forged or expired (UNAUTHENTICATED)");
        unauthorized.putObject("headers").putObject("WWW-Authenticate").put("description",
                        "RFC 6750 challenge: 'Bearer', or 'Bearer error=\"invalid_token\"' when a token was refused")
                .putObject("schema").put("type", "string");
        problemResponse(responses, "GatewayForbidden",
                "The token's roles do not allow this operation, or the caller is outside its scope (FORBIDDEN)");
        if (rateLimited) {
            ObjectNode tooMany = problemResponse(responses, "GatewayTooManyRequests",
                    "The client's rate limit for this group of paths is used up (RATE_LIMITED)");
            tooMany.putObject("headers").putObject("Retry-After").put("description", "seconds to wait before retrying")
                    .putObject("schema").put("type", "integer");
        }
    }

    private static ObjectNode problemResponse(ObjectNode responses, String name, String description) {
        ObjectNode response = responses.putObject(name).put("description", description);
        response.putObject("content").putObject("application/problem+json").putObject("schema")
                .put("$ref", "#/components/schemas/" + PROBLEM);
        return response;
    }

    /** The operations of a path item, by lower-case method, in {@link #METHODS} order. */
    static List<Map.Entry<String, ObjectNode>> operations(JsonNode item) {
        List<Map.Entry<String, ObjectNode>> operations = new ArrayList<>();
        for (String method : METHODS) {
            if (item.get(method) instanceof ObjectNode operation) {
                operations.add(Map.entry(method, operation));
            }
        }
        return operations;
    }
}
