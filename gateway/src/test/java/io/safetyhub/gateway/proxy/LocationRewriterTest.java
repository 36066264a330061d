package io.safetyhub.gateway.proxy;

import io.safetyhub.gateway.route.RouteTable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class LocationRewriterTest {
    private static final LocationRewriter REWRITER = new LocationRewriter(RouteTable.of(
            List.of("enterprise-service=http://10.0.3.7:8081", "training-service=http://training:8080/training"),
            List.of("/api/enterprises=enterprise-service", "/api/activities=training-service")));
    private static final String PUBLIC = "https://safetyhub.example.cn";

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
            "http://10.0.3.7:8081/api/enterprises/e-1,             https://safetyhub.example.cn/api/enterprises/e-1",
            "http://10.0.3.7:8081/api/enterprises/e-1?v=2#top,     https://safetyhub.example.cn/api/enterprises/e-1?v=2#top",
            "HTTP://10.0.3.7:8081/api/enterprises/e%201,           https://safetyhub.example.cn/api/enterprises/e%201",
            "http://training:8080/training/api/activities/a-9,     https://safetyhub.example.cn/api/activities/a-9",
            "/api/enterprises/e-1,                                 /api/enterprises/e-1",
            "http://10.0.3.7:9999/api/enterprises/e-1,             http://10.0.3.7:9999/api/enterprises/e-1",
            "https://keycloak.example.cn/realms/safetyhub,         https://keycloak.example.cn/realms/safetyhub",
            "not a uri,                                            not a uri",
    })
    void shouldPointAtPublicOriginWhenLocationNamesAnUpstream(String location, String expected) {
        assertEquals(expected, REWRITER.rewrite(location, PUBLIC));
    }

    @ParameterizedTest
    @CsvSource({"http://10.0.3.7:8081/api/enterprises/e-1, /api/enterprises/e-1"})
    void shouldAnswerRelativeReferenceWhenPublicOriginIsUnknown(String location, String expected) {
        assertEquals(expected, REWRITER.rewrite(location, null));
    }
}
