package io.safetyhub.gateway.proxy;

/**
 * The OpenAPI documents the test upstreams serve: echo-service and slow-service both define a different
 * {@code Problem} (a clash) and the same {@code Shared}; echo-service also claims {@code /api/activities},
 * which the route table gives to training-service.
 */
final class OpenApiDocuments {
    static final String ECHO = """
            {"openapi":"3.1.0","info":{"title":"echo","version":"1"},
             "tags":[{"name":"alarms"}],
             "paths":{
               "/api/alarms":{"get":{"summary":"echo alarms","tags":["alarms"],"responses":{"200":{"description":"ok",
                 "content":{"application/json":{"schema":{"$ref":"#/components/schemas/AlarmView"}}}},
                 "409":{"description":"conflict","content":{"application/problem+json":{"schema":{"$ref":"#/components/schemas/Problem"}}}}}}},
               "/api/activities":{"get":{"summary":"echo claims activities","responses":{"200":{"description":"ok"}}}}},
             "components":{"schemas":{
               "Problem":{"type":"object","properties":{"code":{"type":"string"}}},
               "Shared":{"type":"string"},
               "AlarmView":{"type":"object","properties":{"problem":{"$ref":"#/components/schemas/Problem"},
                 "shared":{"$ref":"#/components/schemas/Shared"}}}}}}
            """;
    static final String SLOW = """
            {"openapi":"3.1.0","info":{"title":"slow","version":"1"},
             "paths":{"/api/stats/slow":{"get":{"summary":"slow stats","responses":{"200":{"description":"ok",
               "content":{"application/json":{"schema":{"$ref":"#/components/schemas/Problem"}}}}}}}},
             "components":{"schemas":{
               "Problem":{"type":"object","properties":{"status":{"type":"integer"}}},
               "Shared":{"type":"string"}}}}
            """;
    static final String TRAINING = """
            {"openapi":"3.1.0","info":{"title":"training","version":"1"},
             "paths":{"/api/activities":{"get":{"summary":"training activities","responses":{"200":{"description":"ok",
               "content":{"application/json":{"schema":{"$ref":"#/components/schemas/Activity"}}}}}}}},
             "components":{"schemas":{"Activity":{"type":"object"}}}}
            """;

    private OpenApiDocuments() {
    }

    static String forPath(String path) {
        if (path.startsWith("/slow/")) {
            return SLOW;
        }
        return path.startsWith("/training/") ? TRAINING : ECHO;
    }
}
