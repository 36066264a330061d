package io.safetyhub.gateway.http;

import io.vertx.core.MultiMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

class HttpLimitsTest {

    @ParameterizedTest
    @ValueSource(strings = {"/api/alarms?x=%zz", "/api/%zz", "/api/alarms?q=a b", "/api/alarms?%", "/%E4%B8%"})
    void shouldNameTheFaultWhenUriCannotBeRead(String uri) {
        assertNotNull(HttpLimits.malformation(uri), uri);
    }

    @ParameterizedTest
    @ValueSource(strings = {"/api/alarms?district=%E5%B7%B4%E5%8D%97%E5%8C%BA&size=20", "/", "/api/public/../alarms",
            "/api/alarms/stream?access_token=aaa.bbb.ccc&lastEventId=0-12"})
    void shouldAcceptUriWhenItIsWellFormed(String uri) {
        assertNull(HttpLimits.malformation(uri), uri);
    }

    @Test
    void shouldCountHeadersAsSentWhenSizingThem() {
        MultiMap headers = MultiMap.caseInsensitiveMultiMap().add("Host", "gw").add("X-A", "12345");
        // "Host: gw\r\n" is 10 bytes, "X-A: 12345\r\n" is 12
        assertEquals(22, HttpLimits.headerBytes(headers));
    }
}
