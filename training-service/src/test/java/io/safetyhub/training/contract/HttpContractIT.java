package io.safetyhub.training.contract;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.safetyhub.devstack.testing.RealInfraResource;
import io.safetyhub.platform.testing.HttpContract;

/** The platform's HTTP contract, kept by training-service with real Keycloak tokens. */
@QuarkusTest
@QuarkusTestResource(value = RealInfraResource.class, restrictToAnnotatedClass = false)
class HttpContractIT extends HttpContract {

    @Override
    protected String securedGet() {
        return "/api/personnel";
    }

    @Override
    protected String reader() {
        return "reg.city";
    }

    @Override
    protected Call wrongRole() {
        return new Call("POST", "/api/compliance/reminders/check", null, "ent.chem");
    }

    @Override
    protected Call jsonWrite() {
        return new Call("POST", "/api/activities", """
                {"kind":"KNOWLEDGE_CONTEST","title":"contract probe","date":"2026-12-01","place":"会议室","audience":"员工"}""",
                "ent.chem");
    }

    @Override
    protected String enumField() {
        return "kind";
    }

    @Override
    protected String enumQueryPath() {
        return "/api/certificates";
    }

    @Override
    protected String enumQueryParameter() {
        return "kind";
    }
}
