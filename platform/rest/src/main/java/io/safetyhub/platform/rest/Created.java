package io.safetyhub.platform.rest;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

/**
 * 201 Created whose {@code Location} is the public path as a relative reference (RFC 9110 section 10.2.2). JAX-RS'
 * {@code Response.created(URI)} resolves a relative URI against the request's base URI, which behind the gateway is the
 * service's internal host and port: a caller must not learn it, and could not use it.
 */
public final class Created {
    private Created() {
    }

    /** {@code path} is what a client would call through the gateway, e.g. {@code /api/personnel/p-1}. */
    public static Response at(String path, Object entity) {
        return Response.status(Response.Status.CREATED).header(HttpHeaders.LOCATION, path).entity(entity).build();
    }
}
