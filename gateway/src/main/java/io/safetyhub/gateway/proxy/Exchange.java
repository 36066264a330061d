package io.safetyhub.gateway.proxy;

import io.safetyhub.gateway.http.RequestIds;
import io.safetyhub.gateway.route.Route;
import io.safetyhub.gateway.route.Upstream;
import io.vertx.ext.web.RoutingContext;

/**
 * One relayed request: where it goes, when it left (for the upstream timer), and whether the gateway has already
 * answered it itself (an upload cut off at the limit), after which nothing the upstream does may answer again.
 */
final class Exchange {
    final RoutingContext ctx;
    final Upstream upstream;
    final String requestId;
    final long startNanos;
    private boolean answeredHere;

    Exchange(RoutingContext ctx) {
        this.ctx = ctx;
        this.upstream = ctx.<Route>get(AccessHandler.ROUTE_KEY).upstream();
        this.requestId = RequestIds.of(ctx);
        this.startNanos = System.nanoTime();
    }

    /** Marks the exchange as answered by the gateway; false when it already was. All calls run on its event loop. */
    boolean answerHere() {
        if (answeredHere) {
            return false;
        }
        answeredHere = true;
        return true;
    }

    boolean answeredHere() {
        return answeredHere;
    }
}
