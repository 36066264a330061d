package io.safetyhub.gateway.http;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.InputStream;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;

import static org.junit.jupiter.api.Assertions.assertEquals;

class TrustedProxiesTest {

    @ParameterizedTest(name = "{0} accepted={1}")
    @CsvSource(delimiter = '|', value = {
            "127.0.0.1       | true  | an IPv4 address: compared as an address",
            "10.244.0.0/16   | true  | the ingress pod network as a CIDR (k8s base)",
            "::1/128         | true  | IPv6 loopback written as a CIDR",
            "fd00::/8        | true  | an IPv6 block",
            "::1             | false | read by Quarkus as host ':' port 1: a DNS query per request",
            "localhost       | false | a host name: resolved per request",
            "ingress.local   | false | a host name: resolved per request",
            "10.0.0.0/33     | false | no IPv4 prefix is longer than 32",
            "127.0.0.1:8443  | false | address with port: the gateway documents addresses and CIDR only"})
    void shouldAcceptOnlyAddressesAndCidrWhenCheckingTrustedProxies(String entry, boolean accepted, String why) {
        assertEquals(accepted ? List.of() : List.of(entry), TrustedProxies.refused(List.of(entry)), why);
    }

    @Test
    void shouldShipDefaultsThatNeedNoDnsLookupWhenReadFromApplicationProperties() throws Exception {
        Properties properties = new Properties();
        try (InputStream in = TrustedProxiesTest.class.getResourceAsStream("/application.properties")) {
            properties.load(in);
        }
        for (String key : List.of(TrustedProxies.PROPERTY, "%test." + TrustedProxies.PROPERTY)) {
            List<String> entries = Arrays.asList(properties.getProperty(key).split(","));
            assertEquals(List.of(), TrustedProxies.refused(entries), key);
        }
    }
}
