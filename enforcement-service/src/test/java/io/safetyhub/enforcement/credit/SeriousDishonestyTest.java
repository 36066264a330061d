package io.safetyhub.enforcement.credit;

import io.safetyhub.enforcement.config.CreditConfig;
import io.safetyhub.enforcement.config.EnforcementConfigTest;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Entry and exit of the 严重失信 list (应急管理部令第11号), one rule per row, with the shipped settings. */
class SeriousDishonestyTest {
    private static final CreditConfig CREDIT = EnforcementConfigTest.defaults(Map.of()).credit();
    private static final Instant NOW = Instant.parse("2026-12-02T02:00:00Z");

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            entry: major hazard not rectified (挂牌督办), 10 days ago       | MAJOR_HAZARD_LISTED | 0       | 10   | 85 | true
            entry: fine of at least 1,000,000 yuan                        | PENALTY             | 1000000 | 10   | 80 | true
            no entry: fine below 1,000,000 yuan                            | PENALTY             | 999999  | 10   | 80 | false
            no entry: a missed commitment is not serious                  | COMMITMENT_MISSED   | 0       | 10   | 99 | false
            entry: score below 40, whatever the events                    | COMMITMENT_MISSED   | 0       | 10   | 39 | true
            no entry: score exactly 40                                     | COMMITMENT_MISSED   | 0       | 10   | 40 | false
            stays: within the first year, score back at A                 | MAJOR_HAZARD_LISTED | 0       | 300  | 95 | true
            early exit (信用修复): over a year, score back at B             | MAJOR_HAZARD_LISTED | 0       | 400  | 75 | false
            stays: over a year but the score only C                       | MAJOR_HAZARD_LISTED | 0       | 400  | 74 | true
            exit: the 3-year period (管理期限) is over, even at C            | MAJOR_HAZARD_LISTED | 0       | 1096 | 70 | false
            """)
    void shouldListOrReleaseWhenTheRuleSaysSo(String rule, CreditCause cause, long fine, int daysAgo, int score, boolean listed) {
        List<SeriousDishonesty.Event> events = List.of(new SeriousDishonesty.Event(cause, fine, NOW.minus(Duration.ofDays(daysAgo))));
        assertEquals(listed, SeriousDishonesty.at(events, score, NOW, CREDIT).listed(), rule);
    }
}
