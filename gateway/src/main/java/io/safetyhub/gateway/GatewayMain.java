package io.safetyhub.gateway;

import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.annotations.QuarkusMain;

/**
 * Starts the gateway. One setting has to be a system property set before Quarkus boots: Quarkus answers a
 * request URI that {@code java.net.URI} cannot parse (a bad percent escape in path or query) with a bare 400
 * before any route runs. The gateway makes that check itself ({@code http.HttpLimits}) and answers problem+json
 * like every other refusal, so Quarkus' check is switched off. Tests set the same property in the pom.
 */
@QuarkusMain
public class GatewayMain {
    public static final String URI_VALIDATION_PROPERTY = "vertx.disableURIValidation";

    public static void main(String... args) {
        System.setProperty(URI_VALIDATION_PROPERTY, "true");
        Quarkus.run(args);
    }
}
