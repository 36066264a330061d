package io.safetyhub.gateway.http;

import io.vertx.core.MultiMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.net.URI;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
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

    /** The fast path may only accept what java.net.URI accepts too; random URIs over an alphabet of edge cases. */
    @Test
    void shouldAgreeWithUriParserWhenFastPathAcceptsUri() throws Exception {
        String alphabet = "/?%#[]:@!$&'()*+,;=aZ09-._~ \"{}|^`<>E4";
        Random random = new Random(42);
        int accepted = 0;
        for (int n = 0; n < 200_000; n++) {
            StringBuilder uri = new StringBuilder(random.nextBoolean() ? "/" : "");
            for (int i = random.nextInt(12); i > 0; i--) {
                uri.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            if (!uri.isEmpty() && HttpLimits.plainPathAndQuery(uri.toString())) {
                accepted++;
                new URI(uri.toString()); // throws if the fast path accepted what the parser refuses
            }
        }
        assertTrue(accepted > 1_000, "too few accepted to mean anything: " + accepted);
    }

    @ParameterizedTest
    @ValueSource(strings = {"//evil/path", "/a%2", "/a b", "/a#f", "/[x]", "/%zz"})
    void shouldLeaveUriToParserWhenItIsNotPlain(String uri) {
        assertFalse(HttpLimits.plainPathAndQuery(uri), uri);
    }

    @Test
    void shouldCountHeadersAsSentWhenSizingThem() {
        MultiMap headers = MultiMap.caseInsensitiveMultiMap().add("Host", "gw").add("X-A", "12345");
        // "Host: gw\r\n" is 10 bytes, "X-A: 12345\r\n" is 12
        assertEquals(22, HttpLimits.headerBytes(headers));
    }
}
