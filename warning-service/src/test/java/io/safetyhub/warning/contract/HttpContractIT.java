package io.safetyhub.warning.contract;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.safetyhub.devstack.testing.RealInfraResource;
import io.safetyhub.platform.testing.HttpContract;

/** The platform's HTTP contract, kept by warning-service with real Keycloak tokens. */
@QuarkusTest
@QuarkusTestResource(RealInfraResource.class)
class HttpContractIT extends HttpContract {
    private static final String WARNING = """
            {"title":"contract probe","colour":"BLUE","text":"probe","districts":["巴南区"],"sectors":[],
             "validUntil":"2099-01-01T00:00:00Z"}""";

    @Override
    protected String securedGet() {
        return "/api/alarms";
    }

    @Override
    protected String reader() {
        return "reg.city";
    }

    @Override
    protected Call wrongRole() {
        return new Call("POST", "/api/warnings", WARNING, "ent.chem");
    }

    @Override
    protected Call jsonWrite() {
        return new Call("POST", "/api/warnings", WARNING, "reg.city");
    }

    @Override
    protected String enumField() {
        return "colour";
    }

    @Override
    protected String enumQueryPath() {
        return "/api/alarms";
    }

    @Override
    protected String enumQueryParameter() {
        return "status";
    }
}
