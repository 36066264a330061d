package io.safetyhub.gateway.ratelimit;

import io.quarkus.security.identity.SecurityIdentity;
import io.vertx.core.http.HttpServerRequest;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Whose bucket a request draws from: the token's subject, else its authorised party (a service account), else
 * the caller's address. The address is what Quarkus reports as the remote address: the socket's, or, when the
 * socket belongs to a proxy listed in {@code quarkus.http.proxy.trusted-proxies}, the client named by that
 * proxy's {@code X-Forwarded-For} header. So anonymous users behind an ingress each get their
 * own bucket, while a forwarded header from anyone else is ignored and cannot pick or drain another's bucket.
 */
public final class ClientKeys {

    private ClientKeys() {
    }

    public static String of(SecurityIdentity identity, HttpServerRequest request) {
        if (identity != null && !identity.isAnonymous() && identity.getPrincipal() instanceof JsonWebToken jwt) {
            if (jwt.getSubject() != null) {
                return "sub:" + jwt.getSubject();
            }
            Object azp = jwt.getClaim("azp");
            if (azp != null) {
                return "azp:" + azp;
            }
        }
        return address(request);
    }

    /** The caller's address, for anonymous requests and for refused tokens (so guessing tokens is slowed too). */
    public static String address(HttpServerRequest request) {
        return "addr:" + (request.remoteAddress() == null ? "unknown" : request.remoteAddress().hostAddress());
    }
}
