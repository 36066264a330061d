package io.safetyhub.gateway.openapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.safetyhub.gateway.error.Problems;
import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;
import org.jboss.logging.Logger;

import java.util.Locale;

/**
 * {@code GET /q/openapi}: the merged document, YAML by default like Quarkus' own endpoint, JSON with
 * {@code ?format=json} or {@code Accept: application/json}. Swagger UI at {@code /q/swagger-ui} reads it.
 */
public class OpenApiHandler implements Handler<RoutingContext> {
    public static final String PATH = "/q/openapi";
    private static final Logger LOG = Logger.getLogger(OpenApiHandler.class);

    private final OpenApiAggregator aggregator;
    private final ObjectMapper json = new ObjectMapper();
    private final ObjectMapper yaml = new ObjectMapper(new YAMLFactory());

    public OpenApiHandler(OpenApiAggregator aggregator) {
        this.aggregator = aggregator;
    }

    @Override
    public void handle(RoutingContext ctx) {
        boolean asJson = wantsJson(ctx);
        aggregator.current().subscribe().with(document -> {
            try {
                ctx.response()
                        .putHeader("Content-Type", asJson ? "application/json;charset=UTF-8" : "application/yaml;charset=UTF-8")
                        .putHeader("Cache-Control", "no-cache")
                        .end(asJson ? json.writerWithDefaultPrettyPrinter().writeValueAsString(document) : yaml(document));
            } catch (Exception e) {
                ctx.fail(e);
            }
        }, failure -> {
            LOG.warnf("OpenAPI merge failed: %s", failure.toString());
            Problems.send(ctx, 503, "OPENAPI_UNAVAILABLE", "the API description could not be assembled; try again shortly");
        });
    }

    private String yaml(JsonNode document) throws Exception {
        return yaml.writeValueAsString(document);
    }

    private static boolean wantsJson(RoutingContext ctx) {
        String format = ctx.request().getParam("format");
        if (format != null) {
            return format.toLowerCase(Locale.ROOT).equals("json");
        }
        String accept = ctx.request().getHeader("Accept");
        return accept != null && accept.toLowerCase(Locale.ROOT).contains("application/json");
    }
}
