package io.safetyhub.enterprise.contract;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.safetyhub.devstack.testing.RealInfraResource;
import io.safetyhub.platform.testing.HttpContract;

import java.time.LocalDate;
import java.time.ZoneId;

/** The platform's HTTP contract, kept by enterprise-service with real Keycloak tokens. */
@QuarkusTest
@QuarkusTestResource(value = RealInfraResource.class, restrictToAnnotatedClass = false)
class HttpContractIT extends HttpContract {

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
                 "description":"contract probe","responsiblePerson":"张三","deadline":"%s"}"""
                .formatted(LocalDate.now(ZoneId.of("Asia/Shanghai")).plusDays(30)), "ent.chem");
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
}
