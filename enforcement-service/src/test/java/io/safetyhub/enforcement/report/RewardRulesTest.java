package io.safetyhub.enforcement.report;

import io.safetyhub.enforcement.config.EnforcementConfigTest;
import io.safetyhub.enforcement.config.ReportsConfig;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The reward rules of 安全生产领域举报奖励办法 (安监总财〔2018〕19号) 第十一条, one rule per row, defaults as shipped. */
class RewardRulesTest {
    private static final ReportsConfig.Reward REWARD = EnforcementConfigTest.defaults(Map.of()).reports().reward();

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            第十一条(一) 15% of the fine                          | 100000  | false | 15000
            第十一条(一) 15% rounded to the yuan                   | 33333   | false | 5000
            第十一条(一) at least 3000: 15% of 10000 is 1500        | 10000   | false | 3000
            第十一条(一) at least 3000: exactly 20000 gives 3000    | 20000   | false | 3000
            第十一条(一) at most 300000: 15% of 3000000 is 450000   | 3000000 | false | 300000
            第十一条(一) exactly at the most: 2000000 gives 300000  | 2000000 | false | 300000
            no fine, no reward under (一)                          | 0       | false | 0
            内部举报人 bonus 50%: 15000 becomes 22500                | 100000  | true  | 22500
            内部举报人 bonus on the minimum: 3000 of the minimum    | 10000   | true  | 3000
            内部举报人 bonus still capped at 300000                 | 1500000 | true  | 300000
            """)
    void shouldPayTheRuleAmountWhenAReportLedToAFine(String rule, long fine, boolean internal, long expected) {
        assertEquals(expected, RewardRules.forFine(fine, internal, REWARD), rule);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            第十一条(二) 一般: 30000 per concealed death            | GENERAL | 1  | false | 30000
            第十一条(二) 较大: 40000 per concealed death            | LARGER  | 3  | false | 120000
            第十一条(二) 重大: 50000 per concealed death            | MAJOR   | 2  | false | 100000
            第十一条(二) 特别重大: 60000 per concealed death        | GRAVEST | 4  | false | 240000
            第十一条(二) capped at 300000: 特别重大 6 deaths        | GRAVEST | 6  | false | 300000
            第十一条(二) capped at 300000: 一般 11 deaths           | GENERAL | 11 | false | 300000
            no concealed death, no reward under (二)               | MAJOR   | 0  | false | 0
            内部举报人 bonus 50% on 较大 2 deaths: 80000 → 120000    | LARGER  | 2  | true  | 120000
            内部举报人 bonus capped: 重大 5 deaths 250000 → 300000   | MAJOR   | 5  | true  | 300000
            """)
    void shouldPayPerConcealedDeathWhenAReportUncoveredAConcealedAccident(String rule, RewardRules.AccidentGrade grade,
                                                                        int deaths, boolean internal, long expected) {
        assertEquals(expected, RewardRules.forConcealedAccident(grade, deaths, internal, REWARD), rule);
    }
}
