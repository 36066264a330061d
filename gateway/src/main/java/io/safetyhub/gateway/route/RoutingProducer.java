package io.safetyhub.gateway.route;

import io.quarkus.runtime.Startup;
import io.safetyhub.gateway.config.GatewayConfig;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import org.jboss.logging.Logger;

/** Builds the route table and the upload paths once from configuration; a bad entry fails startup, not a request. */
public class RoutingProducer {
    private static final Logger LOG = Logger.getLogger(RoutingProducer.class);

    @Produces
    @Singleton
    @Startup
    RouteTable routeTable(GatewayConfig config) {
        RouteTable table = RouteTable.of(config.upstreams(), config.routes());
        for (Route route : table.routes()) {
            LOG.infof("route %s -> %s (%s)", route.prefix(), route.upstream().name(), route.upstream().url());
        }
        return table;
    }

    @Produces
    @Singleton
    @Startup
    UploadPaths uploadPaths(GatewayConfig config) {
        UploadPaths uploads = UploadPaths.of(config.proxy().uploads().paths());
        LOG.infof("multipart uploads relayed (streamed, at most %d bytes) at %s",
                config.proxy().uploads().maxBodySize().asLongValue(), config.proxy().uploads().paths());
        return uploads;
    }
}
