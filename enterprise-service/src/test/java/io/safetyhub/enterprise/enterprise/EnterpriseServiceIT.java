package io.safetyhub.enterprise.enterprise;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.safetyhub.devstack.testing.RealInfraResource;
import io.safetyhub.platform.rest.DomainException;
import io.safetyhub.events.EnterpriseChanged;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Writes through the service against the real database and broker, in a district no other test reads. */
@QuarkusTest
@QuarkusTestResource(RealInfraResource.class)
class EnterpriseServiceIT {
    @Inject
    EnterpriseService service;
    @Inject
    EnterpriseRepository repository;

    @Test
    void shouldTellCreatedUpdatedStatusChangedOrNothingWhenSaving() {
        Enterprise mine = enterprise("bishan-trade-01", "91500120MA5U7K2P3", RiskColour.BLUE, EnterpriseStatus.OPERATING);
        assertEquals(EnterpriseChanged.Change.CREATED, service.save(mine, false));
        assertNull(service.save(mine, false));
        assertEquals(EnterpriseChanged.Change.UPDATED, service.save(mine, true));
        assertEquals(EnterpriseChanged.Change.STATUS_CHANGED, service.save(mine.withStatus(EnterpriseStatus.SUSPENDED), false));
        Enterprise recoloured = enterprise("bishan-trade-01", "91500120MA5U7K2P3", RiskColour.YELLOW, EnterpriseStatus.SUSPENDED);
        assertEquals(EnterpriseChanged.Change.UPDATED, service.save(recoloured, false));
        Enterprise stored = repository.findById("bishan-trade-01").orElseThrow();
        assertEquals(RiskColour.YELLOW, stored.riskColour());
        assertEquals(EnterpriseStatus.SUSPENDED, stored.status());
    }

    @Test
    void shouldRefuseEntryWhenUsccCheckCharacterIsWrong() {
        String valid = "91500120MA5U9R4T1" + Uscc.checkCharacter("91500120MA5U9R4T1");
        String corrupted = valid.substring(0, 17) + (valid.charAt(17) == 'A' ? 'B' : 'A');
        DomainException e = assertThrows(DomainException.class, () -> service.save(
                new Enterprise("bishan-bad-01", "璧山测试", corrupted, null, null, "璧山区", null, null, null,
                        List.of(Sector.INDUSTRY_TRADE), RiskColour.BLUE, StandardisationGrade.NONE, null,
                        EnterpriseStatus.OPERATING, null, null), false));
        assertEquals(400, e.status());
        assertEquals("INVALID_USCC", e.code());
    }

    private static Enterprise enterprise(String id, String first17, RiskColour colour, EnterpriseStatus status) {
        return new Enterprise(id, "重庆璧山测试工贸有限公司", first17 + Uscc.checkCharacter(first17), "测试", "璧山区",
                "璧山区", "璧城街道", 106.23, 29.59, List.of(Sector.INDUSTRY_TRADE), colour,
                StandardisationGrade.GRADE_3, null, status, null, null);
    }
}
