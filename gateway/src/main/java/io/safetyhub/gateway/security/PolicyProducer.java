package io.safetyhub.gateway.security;

import io.quarkus.runtime.Startup;
import io.safetyhub.gateway.config.GatewayConfig;
import io.safetyhub.gateway.route.RouteTable;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/** Builds the route policy once from configuration; a bad entry fails startup, not a request. */
public class PolicyProducer {

    @Produces
    @Singleton
    @Startup
    RoutePolicy routePolicy(GatewayConfig config, RouteTable routes) {
        return RoutePolicy.of(config.policy(), routes);
    }
}
