package io.safetyhub.platform;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;

class CallerTest {

    private static Caller caller(String roles, String enterpriseId, String district, String town, String grid) {
        Set<String> held = roles == null ? Set.of() : Set.of(roles.split("\\+"));
        Map<String, Object> claims = new java.util.HashMap<>();
        claims.put("enterprise_id", enterpriseId);
        claims.put("district", district);
        claims.put("town", town);
        claims.put("grid", grid);
        return Caller.of("u", held::contains, claims::get);
    }

    /** The tenant rule: enterprise → its enterprise_id; regulator → district, town, grid; operator → all. */
    @ParameterizedTest(name = "{0} ent={1} d={2} t={3} g={4} sees {5}/{6}/{7}/{8}: {9}")
    @CsvSource({
            // roles, enterprise_id, district, town, grid,   target enterprise, district, town, grid, sees
            "enterprise, chem-1, , , ,                      chem-1, 巴南区, 李家沱, g1, true",
            "enterprise, chem-1, , , ,                      chem-2, 巴南区, 李家沱, g1, false",
            "enterprise, , , , ,                            chem-1, 巴南区, 李家沱, g1, false",
            "regulator, , , , ,                             chem-1, 巴南区, 李家沱, g1, true",
            "regulator, , 巴南区, , ,                        chem-1, 巴南区, 李家沱, g1, true",
            "regulator, , 巴南区, , ,                        chem-9, 渝北区, 龙溪, g1, false",
            "regulator, , 巴南区, 李家沱, ,                   chem-1, 巴南区, 李家沱, g1, true",
            "regulator, , 巴南区, 李家沱, ,                   chem-3, 巴南区, 鱼洞, g1, false",
            "regulator, , 巴南区, 李家沱, g1,                 chem-1, 巴南区, 李家沱, g1, true",
            "regulator, , 巴南区, 李家沱, g1,                 chem-4, 巴南区, 李家沱, g2, false",
            // a town claim without a district confines nothing more than the district rule allows: ignored
            "regulator, , , 李家沱, ,                         chem-3, 巴南区, 鱼洞, g1, true",
            "operator, , 巴南区, , ,                         chem-9, 渝北区, 龙溪, g1, true",
            "regulator+enterprise, chem-1, 巴南区, , ,        chem-2, 巴南区, 鱼洞, g1, true",
            ", , , , ,                                      chem-1, 巴南区, 李家沱, g1, false",
    })
    void shouldApplyTheTenantRuleWhenCallerAsksForAnEnterprise(String roles, String enterpriseId, String district,
                                                               String town, String grid, String targetId,
                                                               String targetDistrict, String targetTown,
                                                               String targetGrid, boolean sees) {
        Caller c = caller(roles, enterpriseId, district, town, grid);
        assertEquals(sees, c.sees(targetId, targetDistrict, targetTown, targetGrid));
    }

    @ParameterizedTest(name = "{0} enterprise_id={1}: refused={2}")
    @CsvSource({
            "enterprise, chem-1, false",
            "enterprise, , true",
            "enterprise+operator, , false",
            "regulator, , false",
    })
    void shouldRefuseEnterpriseAccountWhenEnterpriseIdClaimIsMissing(String roles, String enterpriseId, boolean refused) {
        assertEquals(refused, caller(roles, enterpriseId, null, null, null).isEnterpriseWithoutId());
    }
}
