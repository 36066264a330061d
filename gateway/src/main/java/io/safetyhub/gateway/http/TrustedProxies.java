package io.safetyhub.gateway.http;

import io.netty.util.NetUtil;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.Config;

import java.util.List;
import java.util.regex.Pattern;

/**
 * Refuses to start with a {@code quarkus.http.proxy.trusted-proxies} entry that is not an IP address or a CIDR.
 * Quarkus takes anything else as a host name (and {@code ::1} as host {@code ":"}, port 1) and resolves it through
 * DNS on the event loop for every request: the gateway shipped with {@code 127.0.0.1,::1} and so sent one DNS query
 * per request, answering ~20–40 requests a second per connection with a 5 s stall whenever a query timed out.
 * Write IPv6 as a CIDR ({@code ::1/128}).
 */
@ApplicationScoped
public class TrustedProxies {
    static final String PROPERTY = "quarkus.http.proxy.trusted-proxies";
    private static final Pattern CIDR = Pattern.compile("(.+)/(\\d{1,3})");

    void check(@Observes StartupEvent started, Config config) {
        List<String> refused = refused(config.getOptionalValues(PROPERTY, String.class).orElse(List.of()));
        if (!refused.isEmpty()) {
            throw new IllegalStateException(PROPERTY + " holds " + refused + ", which are not IP addresses or CIDR"
                    + " blocks: Quarkus would resolve them through DNS on the event loop for every request."
                    + " List addresses (IPv6 as a CIDR, e.g. ::1/128) or the ingress' pod network as a CIDR");
        }
    }

    /** The entries that are neither an IPv4/IPv6 literal nor a CIDR block with a prefix length the family allows. */
    static List<String> refused(List<String> entries) {
        return entries.stream().map(String::trim).filter(entry -> !literalOrCidr(entry)).toList();
    }

    private static boolean literalOrCidr(String entry) {
        var cidr = CIDR.matcher(entry);
        if (!cidr.matches()) {
            return NetUtil.isValidIpV4Address(entry) && !entry.contains(":");
        }
        int prefix = Integer.parseInt(cidr.group(2));
        String address = cidr.group(1);
        return NetUtil.isValidIpV4Address(address) && prefix <= 32 || NetUtil.isValidIpV6Address(address) && prefix <= 128;
    }
}
