package io.safetyhub.adapter.contract;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.safetyhub.devstack.testing.RealInfraResource;
import io.safetyhub.platform.testing.HttpContract;

/** The platform's HTTP contract, kept by device-adapter with real Keycloak tokens. */
@QuarkusTest
@QuarkusTestResource(value = RealInfraResource.class, restrictToAnnotatedClass = false)
class HttpContractIT extends HttpContract {

    @Override
    protected String securedGet() {
        return "/api/devices";
    }

    @Override
    protected String reader() {
        return "reg.city";
    }

    @Override
    protected Call wrongRole() {
        return new Call("DELETE", "/api/devices/GA-0001", null, "ent.chem");
    }

    @Override
    protected Call jsonWrite() {
        return new Call("POST", "/api/devices", """
                {"id":"CONTRACT-PROBE","enterpriseId":"chem-banan-01","kind":"gas-alarm","protocol":"MQTT",
                 "metricUnits":{"gas_lel":"%LEL"}}""", "ops");
    }

    @Override
    protected String enumField() {
        return "protocol";
    }

    @Override
    protected String enumQueryPath() {
        return "/api/devices";
    }

    @Override
    protected String enumQueryParameter() {
        return "protocol";
    }
}
