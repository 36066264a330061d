package io.safetyhub.enterprise.enterprise;

import io.safetyhub.platform.Caller;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Lists show exactly what {@link Caller#sees} lets a caller open one by one, and asked filters only narrow. */
class TenantScopeTest {
    private static final Map<String, Caller> CALLERS = Map.of(
            "operator", new Caller("ops", false, false, true, null, null, null, null),
            "city regulator", new Caller("reg.city", true, false, false, null, null, null, null),
            "district regulator", new Caller("reg.banan", true, false, false, null, "巴南区", null, null),
            "town regulator", new Caller("reg.nanpeng", true, false, false, null, "巴南区", "南彭街道", null),
            "grid regulator", new Caller("reg.grid", true, false, false, null, "巴南区", "南彭街道", "网格1"),
            "enterprise", new Caller("ent.chem", false, true, false, "chem-banan-01", null, null, null),
            "enterprise and regulator", new Caller("both", true, true, false, "chem-banan-01", "渝北区", null, null));

    /** id, district, town. */
    private static final List<String[]> ENTERPRISES = List.of(
            new String[] {"chem-banan-01", "巴南区", "南彭街道"},
            new String[] {"gas-banan-01", "巴南区", "李家沱街道"},
            new String[] {"trade-banan-01", "巴南区", null},
            new String[] {"build-yubei-01", "渝北区", "龙溪街道"});

    @Test
    void shouldListExactlyWhatCallerSeesWhenNoFilterIsAsked() {
        CALLERS.forEach((who, caller) -> {
            TenantScope scope = TenantScope.of(caller, null, null, null);
            for (String[] e : ENTERPRISES) {
                assertEquals(caller.sees(e[0], e[1], e[2], null), admits(scope, e), who + " and " + e[0]);
            }
        });
    }

    @ParameterizedTest(name = "{0} asking enterprise={1} district={2} town={3}")
    @CsvSource(nullValues = "-", textBlock = """
            enterprise,         build-yubei-01, -,      -,        true,  chem-banan-01, -,      -
            enterprise,         chem-banan-01,  -,      -,        false, chem-banan-01, -,      -
            district regulator, -,              渝北区, -,        true,  -,             巴南区, -
            district regulator, -,              巴南区, 南彭街道, false, -,             巴南区, 南彭街道
            town regulator,     -,              -,      李家沱街道, true, -,             巴南区, 南彭街道
            city regulator,     -,              渝北区, -,        false, -,             渝北区, -
            grid regulator,     -,              -,      -,        true,  -,             巴南区, 南彭街道
            operator,           gas-banan-01,   -,      -,        false, gas-banan-01,  -,      -
            """)
    void shouldNarrowOrEmptyTheScopeWhenCallerAsksForAFilter(String who, String enterprise, String district,
                                                             String town, boolean empty, String scopedEnterprise,
                                                             String scopedDistrict, String scopedTown) {
        TenantScope scope = TenantScope.of(CALLERS.get(who), enterprise, district, town);
        assertEquals(new TenantScope(scopedEnterprise, scopedDistrict, scopedTown, empty), scope);
    }

    /** What the repositories' query does with a scope. */
    private static boolean admits(TenantScope scope, String[] e) {
        return !scope.empty()
                && (scope.enterpriseId() == null || scope.enterpriseId().equals(e[0]))
                && (scope.district() == null || scope.district().equals(e[1]))
                && (scope.town() == null || scope.town().equals(e[2]));
    }
}
