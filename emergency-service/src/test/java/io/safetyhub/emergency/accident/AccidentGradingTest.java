package io.safetyhub.emergency.accident;

import io.safetyhub.emergency.support.DefaultConfig;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * 国务院令第493号 第三条, each boundary a row: "以上" includes the number, "以下" excludes it, so the first value of
 * each band belongs to the higher grade and the one before it to the lower. The highest criterion met decides.
 */
class AccidentGradingTest {
    private final AccidentGrading grading = new AccidentGrading(DefaultConfig.get());

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            nothing                                       | 0   | 0   | 0         | GENERAL
            2 deaths: below 3 (以下 excludes 3)            | 2   | 0   | 0         | GENERAL
            3 deaths: 3以上 includes 3                      | 3   | 0   | 0         | LARGER
            9 deaths: below 10                            | 9   | 0   | 0         | LARGER
            10 deaths: 10以上                              | 10  | 0   | 0         | MAJOR
            29 deaths: below 30                           | 29  | 0   | 0         | MAJOR
            30 deaths: 30以上                              | 30  | 0   | 0         | EXTRAORDINARY
            9 serious injuries: below 10                  | 0   | 9   | 0         | GENERAL
            10 serious injuries: 10以上                    | 0   | 10  | 0         | LARGER
            49 serious injuries: below 50                 | 0   | 49  | 0         | LARGER
            50 serious injuries: 50以上                    | 0   | 50  | 0         | MAJOR
            99 serious injuries: below 100                | 0   | 99  | 0         | MAJOR
            100 serious injuries: 100以上                  | 0   | 100 | 0         | EXTRAORDINARY
            loss 9999999: below 1000万                     | 0   | 0   | 9999999   | GENERAL
            loss 10000000: 1000万以上                      | 0   | 0   | 10000000  | LARGER
            loss 49999999: below 5000万                    | 0   | 0   | 49999999  | LARGER
            loss 50000000: 5000万以上                      | 0   | 0   | 50000000  | MAJOR
            loss 99999999: below 1亿                       | 0   | 0   | 99999999  | MAJOR
            loss 100000000: 1亿以上                        | 0   | 0   | 100000000 | EXTRAORDINARY
            loss decides over deaths                      | 1   | 0   | 60000000  | MAJOR
            injuries decide over loss                     | 0   | 100 | 20000000  | EXTRAORDINARY
            deaths decide over injuries                   | 10  | 12  | 0         | MAJOR
            """)
    void shouldGradeByTheHighestCriterionMetWhenCasualtiesAreGiven(String row, int deaths, int injuries, long loss,
                                                                  AccidentGrade expected) {
        assertEquals(expected, grading.grade(new Casualties(deaths, injuries, loss)), row);
    }
}
