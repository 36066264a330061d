package io.safetyhub.enforcement.draw;

import io.safetyhub.enforcement.draw.DoubleRandomDraw.Assignment;
import io.safetyhub.enforcement.draw.DoubleRandomDraw.Candidate;
import io.safetyhub.enforcement.draw.DoubleRandomDraw.Inputs;
import io.safetyhub.enforcement.draw.DoubleRandomDraw.PreviousTeam;
import io.safetyhub.enforcement.draw.DoubleRandomDraw.Quota;
import io.safetyhub.enforcement.draw.DoubleRandomDraw.Staff;
import io.safetyhub.platform.rest.DomainException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.LongStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The double-random draw as a pure function: each rule of 双随机 as a row, and reproducibility. */
class DoubleRandomDrawTest {
    private static final Map<String, Integer> WEIGHTS = Map.of("RED", 4, "ORANGE", 3, "YELLOW", 2, "BLUE", 1);

    /** Roster rows "id:SECTOR:COLOUR", staff rows "id:SECTOR+SECTOR:conflict+conflict", previous "enterprise:i1+i2". */
    private static Inputs inputs(long seed, String quotas, String roster, String staff, String previous) {
        List<Quota> q = split(quotas).stream().map(s -> s.split(":")).map(p -> new Quota(p[0], Integer.parseInt(p[1]))).toList();
        List<Candidate> c = split(roster).stream().map(s -> s.split(":")).map(p -> new Candidate(p[0], p[1], p[2])).toList();
        List<Staff> st = split(staff).stream().map(s -> s.split(":", -1))
                .map(p -> new Staff(p[0], plus(p[1]), p.length > 2 ? plus(p[2]) : List.of())).toList();
        List<PreviousTeam> prev = split(previous).stream().map(s -> s.split(":")).map(p -> new PreviousTeam(p[0], plus(p[1]))).toList();
        return new Inputs(seed, q, WEIGHTS, 2, c, st, prev, 2);
    }

    private static List<String> split(String s) {
        return s == null || s.isBlank() ? List.of() : Arrays.asList(s.trim().split("\\s+"));
    }

    private static List<String> plus(String s) {
        return s.isBlank() ? List.of() : Arrays.asList(s.split("\\+"));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            行政处罚法 第四十二条: at least two inspectors per enterprise       | HC:1 | e1:HC:RED                     | i1:HC i2:HC i3:HC         |                 | e1 | -
            回避: a declared conflict is never drawn for that enterprise        | HC:1 | e1:HC:RED                     | i1:HC:e1 i2:HC i3:HC      |                 | e1 | i1
            不得连续两次: the previous team is not sent again                   | HC:1 | e1:HC:RED                     | i1:HC i2:HC i3:HC i4:HC   | e1:i1+i2        | e1 | i1+i2
            专业对口: only inspectors qualified for the sector                  | HC:1 | e1:HC:RED                     | i1:GAS i2:HC i3:HC        |                 | e1 | i1
            计划: a quota larger than the roster takes the whole roster          | HC:5 | e1:HC:RED e2:HC:BLUE          | i1:HC i2:HC i3:HC         |                 | e1+e2 | -
            计划: only the quota's sector is drawn                              | HC:1 | e1:GAS:RED e2:HC:BLUE         | i1:HC+GAS i2:HC+GAS       |                 | e2 | -
            一企一次: an enterprise in two sectors is drawn once                 | HC:1 GAS:1 | e1:HC:RED e1:GAS:RED e2:GAS:BLUE | i1:HC+GAS i2:HC+GAS | | e1+e2 | -
            """)
    void shouldKeepTheRuleWhenDrawing(String rule, String quotas, String roster, String staff, String previous,
                                      String expectedEnterprises, String neverSent) {
        for (long seed = 0; seed < 50; seed++) {
            List<Assignment> result = DoubleRandomDraw.draw(inputs(seed, quotas, roster, staff, previous));

            assertEquals(plus(expectedEnterprises).stream().sorted().toList(),
                    result.stream().map(Assignment::enterpriseId).sorted().toList(), rule + " (seed " + seed + ")");
            for (Assignment a : result) {
                assertEquals(2, a.inspectorIds().size(), rule);
                assertEquals(2, a.inspectorIds().stream().distinct().count(), rule + ": two different inspectors");
                if (!"-".equals(neverSent)) {
                    plus(neverSent).forEach(i -> assertFalse(a.inspectorIds().contains(i), rule + ": " + i + " sent to " + a.enterpriseId()));
                }
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            an empty inspection-object roster                    | HC:1 |                        | i1:HC i2:HC     |          | roster
            no enterprise of the quota's sector                  | HC:1 | e1:GAS:RED             | i1:HC i2:HC     |          | quotas[0].sector
            an empty inspector roster                            | HC:1 | e1:HC:RED              |                 |          | inspectors
            conflicts leave fewer than two inspectors            | HC:1 | e1:HC:RED              | i1:HC:e1 i2:HC  |          | inspectors
            the previous team leaves fewer than two inspectors   | HC:1 | e1:HC:RED              | i1:HC i2:HC i3:HC | e1:i1+i2 | inspectors
            """)
    void shouldRefuseNamingTheFieldWhenTheDrawCannotBeMade(String why, String quotas, String roster, String staff,
                                                           String previous, String field) {
        DomainException e = assertThrows(DomainException.class,
                () -> DoubleRandomDraw.draw(inputs(7, quotas, roster, staff, previous)), why);
        assertEquals(400, e.status());
        assertEquals(field, e.errors().get(0).field(), why);
    }

    @Test
    void shouldGiveTheSameResultWhenRunAgainWithTheStoredSeedAndInputs() {
        Inputs stored = inputs(4_503_599_627_370_495L, "HC:3 GAS:2",
                "a:HC:RED b:HC:ORANGE c:HC:YELLOW d:HC:BLUE e:GAS:RED f:GAS:BLUE g:GAS:YELLOW",
                "i1:HC+GAS i2:HC+GAS i3:HC+GAS:a i4:HC i5:GAS i6:HC+GAS", "b:i1+i2");

        assertEquals(DoubleRandomDraw.draw(stored), DoubleRandomDraw.draw(stored));
    }

    @Test
    void shouldNotDependOnTheOrderTheRosterWasReadInWhenReRun() {
        Inputs stored = inputs(99, "HC:2", "a:HC:RED b:HC:ORANGE c:HC:YELLOW d:HC:BLUE", "i1:HC i2:HC i3:HC i4:HC", "");
        List<Candidate> shuffled = new ArrayList<>(stored.candidates());
        Collections.reverse(shuffled);
        List<Staff> staff = new ArrayList<>(stored.inspectors());
        Collections.reverse(staff);
        Inputs reordered = new Inputs(99, stored.quotas(), WEIGHTS, 2, shuffled, staff, List.of(), 2);

        assertEquals(DoubleRandomDraw.draw(stored), DoubleRandomDraw.draw(reordered));
    }

    @Test
    void shouldDrawDifferentlyWhenTheSeedDiffers() {
        String roster = "a:HC:RED b:HC:ORANGE c:HC:YELLOW d:HC:BLUE e:HC:BLUE f:HC:RED";
        long distinct = LongStream.range(0, 20).mapToObj(s -> DoubleRandomDraw.draw(inputs(s, "HC:2", roster,
                "i1:HC i2:HC i3:HC i4:HC", ""))).distinct().count();
        assertTrue(distinct > 5, "20 seeds gave only " + distinct + " different draws");
    }

    @Test
    void shouldDrawRedMoreOftenThanBlueWhenWeightedByRiskColour() {
        // 分级分类执法: with weights red 4 and blue 1, one place among one red and one blue enterprise goes to the red
        // one in about 4 of 5 draws.
        Map<String, Integer> picks = new HashMap<>();
        for (long seed = 0; seed < 1000; seed++) {
            Assignment a = DoubleRandomDraw.draw(inputs(seed, "HC:1", "red:HC:RED blue:HC:BLUE", "i1:HC i2:HC", "")).get(0);
            picks.merge(a.enterpriseId(), 1, Integer::sum);
        }
        assertTrue(picks.get("red") > 740 && picks.get("red") < 860, "red picked " + picks + " of 1000");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            信易+安全: grade A keeps the colour's weight (yellow 2 × 1)  | YELLOW | A    | 2
            grade B doubles it (yellow 2 × 2)                          | YELLOW | B    | 4
            grade C triples it (red 4 × 3)                             | RED    | C    | 12
            grade D, the most inspected (blue 1 × 4)                   | BLUE   | D    | 4
            a draw stored before grades: colour alone (red 4)          | RED    |      | 4
            """)
    void shouldMultiplyTheColourWeightByTheGradeFactorWhenTheCandidateHasAGrade(String rule, String colour, String grade,
                                                                               int expected) {
        Inputs in = new Inputs(1, List.of(new Quota("HC", 1)), WEIGHTS, 2, List.of(new Candidate("a", "HC", colour, grade)),
                List.of(), List.of(), 2, Map.of("A", 1, "B", 2, "C", 3, "D", 4));
        assertEquals(expected, DoubleRandomDraw.weight(in.candidates().get(0), in), rule);
    }

    @Test
    void shouldDrawGradeDMoreOftenThanGradeAWhenColoursAreEqual() {
        // A 1 against D 4: the enterprise with bad credit takes the one place in about 4 of 5 draws.
        int bad = 0;
        for (long seed = 0; seed < 1000; seed++) {
            Inputs in = new Inputs(seed, List.of(new Quota("HC", 1)), WEIGHTS, 2,
                    List.of(new Candidate("good", "HC", "YELLOW", "A"), new Candidate("bad", "HC", "YELLOW", "D")),
                    List.of(new Staff("i1", List.of("HC"), List.of()), new Staff("i2", List.of("HC"), List.of())),
                    List.of(), 2, Map.of("A", 1, "B", 2, "C", 3, "D", 4));
            bad += DoubleRandomDraw.draw(in).get(0).enterpriseId().equals("bad") ? 1 : 0;
        }
        assertTrue(bad > 740 && bad < 860, "grade D picked " + bad + " of 1000");
    }

    @Test
    void shouldUseTheUnratedWeightWhenTheColourIsUnknown() {
        Inputs in = inputs(1, "HC:1", "a:HC:NONE", "i1:HC i2:HC", "");
        assertEquals(2, DoubleRandomDraw.weight(in.candidates().get(0), in));
        assertEquals(4, DoubleRandomDraw.weight(new Candidate("b", "HC", "RED"), in));
    }

    @Test
    void shouldSpreadTeamsOverTheWholeEligibleRosterWhenDrawnOften() {
        Map<String, Long> sent = LongStream.range(0, 400)
                .mapToObj(s -> DoubleRandomDraw.draw(inputs(s, "HC:1", "a:HC:RED", "i1:HC i2:HC i3:HC i4:HC", "")).get(0))
                .flatMap(a -> a.inspectorIds().stream()).collect(Collectors.groupingBy(i -> i, Collectors.counting()));
        assertEquals(4, sent.size(), "every eligible inspector is sent sometimes: " + sent);
        sent.values().forEach(n -> assertTrue(n > 140 && n < 260, "uniform choice of inspectors: " + sent));
    }
}
