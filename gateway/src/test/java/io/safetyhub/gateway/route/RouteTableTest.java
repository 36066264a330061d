package io.safetyhub.gateway.route;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RouteTableTest {
    private static final List<String> UPSTREAMS = List.of("enterprise-service=http://127.0.0.1:8081",
            "warning-service=http://127.0.0.1:8083", "stream=https://alarms.internal/base/");
    private static final RouteTable TABLE = RouteTable.of(UPSTREAMS, List.of("/api/alarms=warning-service",
            "/api/alarms/stream=stream", "/api/enterprises=enterprise-service"));

    @ParameterizedTest
    @CsvSource({
            "/api/alarms,            warning-service",
            "/api/alarms/42,         warning-service",
            "/api/alarms/stream,     stream",
            "/api/alarms/stream/x,   stream",
            "/api/alarms/streamed,   warning-service",
            "/api/enterprises,       enterprise-service",
    })
    void shouldPickLongestMatchingPrefixWhenSeveralMatch(String path, String upstream) {
        assertEquals(upstream, TABLE.resolve(path).orElseThrow().upstream().name());
    }

    @ParameterizedTest
    @CsvSource({"/api/alarmsX", "/api", "/api/", "/api/nothing", "/alarms", "/q/health"})
    void shouldResolveNothingWhenNoPrefixCoversThePath(String path) {
        assertEquals(Optional.empty(), TABLE.resolve(path));
    }

    @Test
    void shouldParseSchemePortAndBasePathWhenUpstreamIsHttps() {
        Upstream stream = TABLE.resolve("/api/alarms/stream").orElseThrow().upstream();
        assertTrue(stream.ssl());
        assertEquals(443, stream.port());
        assertEquals("alarms.internal", stream.host());
        assertEquals("/base", stream.basePath());
    }

    @Test
    void shouldRejectRouteWhenUpstreamIsUnknown() {
        assertThrows(IllegalArgumentException.class,
                () -> RouteTable.of(UPSTREAMS, List.of("/api/alarms=nobody")));
    }

    @ParameterizedTest
    @CsvSource({"/api/alarms/=warning-service", "/alarms=warning-service", "/api/al*=warning-service",
            "/api/a/../b=warning-service", "no-equals-sign"})
    void shouldRejectRouteWhenPrefixIsMalformed(String entry) {
        assertThrows(IllegalArgumentException.class, () -> RouteTable.of(UPSTREAMS, List.of(entry)));
    }

    @ParameterizedTest
    @CsvSource({"x=ftp://host", "x=not a url", "=http://host", "x=http://host/?q=1", "x=http:///nohost"})
    void shouldRejectUpstreamWhenUrlIsNotPlainHttp(String entry) {
        assertThrows(IllegalArgumentException.class, () -> RouteTable.of(List.of(entry), List.of()));
    }

    @Test
    void shouldRejectTableWhenPrefixIsListedTwice() {
        assertThrows(IllegalArgumentException.class, () -> RouteTable.of(UPSTREAMS,
                List.of("/api/alarms=warning-service", "/api/alarms=enterprise-service")));
    }
}
