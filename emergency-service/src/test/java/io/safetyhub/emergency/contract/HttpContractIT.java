package io.safetyhub.emergency.contract;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.safetyhub.devstack.testing.RealInfraResource;
import io.safetyhub.platform.testing.HttpContract;

/** The platform's HTTP contract, kept by emergency-service with real Keycloak tokens. */
@QuarkusTest
@QuarkusTestResource(value = RealInfraResource.class, restrictToAnnotatedClass = false)
class HttpContractIT extends HttpContract {

    @Override
    protected String securedGet() {
        return "/api/emergency/accidents";
    }

    @Override
    protected String reader() {
        return "reg.banan";
    }

    @Override
    protected Call wrongRole() {
        return new Call("POST", "/api/emergency/accidents/acc-demo-banan-01/closure", "{\"conclusion\":\"x\"}", "ent.chem");
    }

    @Override
    protected Call jsonWrite() {
        return new Call("POST", "/api/emergency/accidents", """
                {"kind":"COLLAPSE","occurredAt":"2026-01-02T03:00:00Z","place":"contract probe","deaths":0,
                 "seriousInjuries":0,"directLossYuan":0}""", "ent.chem");
    }

    /** quarkus.http.limits.max-body-size: one plan document plus the multipart envelope. */
    @Override
    protected long maxBodyBytes() {
        return 11L * 1024 * 1024;
    }

    @Override
    protected String enumField() {
        return "kind";
    }

    @Override
    protected String enumQueryPath() {
        return "/api/emergency/accidents";
    }

    @Override
    protected String enumQueryParameter() {
        return "grade";
    }
}
