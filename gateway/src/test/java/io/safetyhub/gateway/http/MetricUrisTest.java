package io.safetyhub.gateway.http;

import io.safetyhub.gateway.route.RouteTable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;

class MetricUrisTest {
    private static final MetricUris URIS = new MetricUris(
            RouteTable.of(List.of("svc=http://127.0.0.1:1"), List.of("/api/alarms=svc", "/api/enterprises=svc",
                    "/api/public=svc", "/api/public/activities=svc")),
            Set.of("/api/alarms/stream", "/console/token"));

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
            "/api/alarms,                          /api/alarms",
            "/api/alarms/8d1f0c2e-4b7a/acknowledge, /api/alarms/*",
            "/api/enterprises/chem-banan-01,        /api/enterprises/*",
            "/api/public/activities/a-42,           /api/public/activities/*",
            "/api/public/enterprises/x,             /api/public/*",
            "/api/alarms/stream,                    /api/alarms/stream",
            "/api/no-such-route/123,                /api/*",
            "/api,                                  /api/*",
            "/console/token,                        /console/token",
            "/js/app.js,                            /*",
            "/some/random/page-99,                  /*",
            "/q/openapi,                            NONE",
    })
    void shouldTagRouteNotPathWhenRequestIsMeasured(String path, String expected) {
        assertEquals(expected, URIS.templateOf(path).orElse("NONE"));
    }
}
