package io.safetyhub.enforcement.common;

import io.safetyhub.platform.Caller;
import org.bson.BsonDocument;
import org.bson.conversions.Bson;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The tenant rule on this service's documents, town-confined regulators included (no demo login has a town). */
class ScopeTest {

    private static Caller caller(String who) {
        return switch (who) {
            case "ent.chem" -> new Caller(who, false, true, false, "chem-banan-01", null, null, null);
            case "reg.banan" -> new Caller(who, true, false, false, null, "巴南区", null, null);
            case "reg.nanpeng" -> new Caller(who, true, false, false, null, "巴南区", "南彭街道", null);
            case "reg.city" -> new Caller(who, true, false, false, null, null, null, null);
            case "ops" -> new Caller(who, false, false, true, null, null, null, null);
            default -> Caller.anonymous();
        };
    }

    @ParameterizedTest(name = "{0} sees {1} in {2} {3}: {4}")
    @CsvSource(delimiter = '|', textBlock = """
            ent.chem    | chem-banan-01 | 巴南区 | 南彭街道 | true
            ent.chem    | gas-banan-01  | 巴南区 | 鱼洞街道 | false
            reg.banan   | gas-banan-01  | 巴南区 | 鱼洞街道 | true
            reg.banan   | build-yubei-01| 渝北区 | 龙溪街道 | false
            reg.nanpeng | chem-banan-01 | 巴南区 | 南彭街道 | true
            reg.nanpeng | gas-banan-01  | 巴南区 | 鱼洞街道 | false
            reg.city    | build-yubei-01| 渝北区 | 龙溪街道 | true
            ops         | build-yubei-01| 渝北区 | 龙溪街道 | true
            anonymous   | chem-banan-01 | 巴南区 | 南彭街道 | false
            """)
    void shouldApplyTheTenantRuleWhenACallerReadsAnEnterprisesRecord(String who, String enterprise, String district,
                                                                      String town, boolean sees) {
        assertEquals(sees, Scope.sees(caller(who), enterprise, district, town));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            ent.chem    | {"enterpriseId": "chem-banan-01"}
            reg.banan   | {"$and": [{"district": "巴南区"}]}
            reg.nanpeng | {"$and": [{"district": "巴南区"}, {"town": "南彭街道"}]}
            reg.city    | {}
            ops         | {}
            """)
    void shouldFilterDocumentsByTheSameRuleWhenListing(String who, String expected) {
        Bson filter = Scope.filter(caller(who));
        assertEquals(BsonDocument.parse(expected), filter.toBsonDocument());
    }
}
