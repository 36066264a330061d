package io.safetyhub.e2e;

import io.safetyhub.platform.testing.HttpContract;
import org.junit.jupiter.api.BeforeAll;

import java.net.URI;
import java.util.List;

/**
 * The platform's HTTP contract kept through the gateway, against the real services behind it: the gateway's own
 * answers (401 challenges, 404 for an unrouted path, 413 over its body limit) and the services' answers it relays
 * (403, 400 naming the field, 415) must look alike to a caller.
 */
class GatewayHttpContractIT extends HttpContract {
    private static final List<String> APPS = List.of("enterprise-service", "gateway");
    /** The gateway's {@code gateway.proxy.max-body-size} default (10M); the harness does not change it. */
    private static final long GATEWAY_MAX_BODY = 10L * 1024 * 1024;
    private static URI gateway;

    @BeforeAll
    static void startPlatform() {
        gateway = URI.create(E2ePlatform.start(APPS).get("gateway"));
    }

    @Override
    protected URI baseUri() {
        return gateway;
    }

    @Override
    protected String securedGet() {
        return "/api/enterprises";
    }

    @Override
    protected String reader() {
        return "reg.city";
    }

    @Override
    protected Call wrongRole() {
        return new Call("PUT", "/api/enterprises/chem-banan-01/status", "{\"status\":\"SUSPENDED\",\"reason\":\"x\"}", "ent.chem");
    }

    @Override
    protected Call jsonWrite() {
        return new Call("POST", "/api/hazards", """
                {"enterpriseId":"chem-banan-01","source":"SELF_CHECK","grade":"GENERAL","category":"HAZARDOUS_CHEMICALS",
                 "description":"gateway contract probe","responsiblePerson":"张三","deadline":"2099-01-01"}""", "ent.chem");
    }

    @Override
    protected String enumField() {
        return "grade";
    }

    @Override
    protected String enumQueryPath() {
        return "/api/enterprises";
    }

    @Override
    protected String enumQueryParameter() {
        return "sector";
    }

    /** The gateway refuses a larger body itself, before any service sees it. */
    @Override
    protected long maxBodyBytes() {
        return GATEWAY_MAX_BODY;
    }
}
