package io.safetyhub.gateway.route;

/**
 * One entry of the route table: every path at or below {@code prefix} goes to {@code upstream}.
 *
 * @param prefix   path prefix without a trailing slash, e.g. {@code /api/alarms}
 * @param upstream the service that answers it
 */
public record Route(String prefix, Upstream upstream) {

    /** True for the prefix itself and anything below it, never for a longer sibling name. */
    public boolean matches(String path) {
        return PathPrefix.covers(prefix, path);
    }
}
