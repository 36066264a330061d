package io.safetyhub.enforcement.contract;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.safetyhub.devstack.testing.RealInfraResource;
import io.safetyhub.platform.testing.HttpContract;

/** The platform's HTTP contract, kept by enforcement-service with real Keycloak tokens. */
@QuarkusTest
@QuarkusTestResource(value = RealInfraResource.class, restrictToAnnotatedClass = false)
class HttpContractIT extends HttpContract {

    @Override
    protected String securedGet() {
        return "/api/enforcement/plans";
    }

    @Override
    protected String reader() {
        return "reg.banan";
    }

    @Override
    protected Call wrongRole() {
        return new Call(jsonWrite().method(), jsonWrite().path(), jsonWrite().body(), "ent.chem");
    }

    @Override
    protected Call jsonWrite() {
        return new Call("PUT", "/api/enforcement/checklists/cl-contract-probe", """
                {"sector": "FIREWORKS", "title": "contract probe", "version": "1",
                 "items": [{"code": "FW-01", "text": "储存超量", "legalBasis": "烟花爆竹安全管理条例", "major": true}]}""", "ops");
    }

    @Override
    protected String enumField() {
        return "sector";
    }

    @Override
    protected String enumQueryPath() {
        return "/api/enforcement/roster/enterprises";
    }

    @Override
    protected String enumQueryParameter() {
        return "sector";
    }

    @Override
    protected long maxBodyBytes() {
        return 11L * 1024 * 1024;
    }
}
