package io.safetyhub.enterprise.majorhazard;

import io.safetyhub.platform.rest.DomainException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Identification and grading per GB 18218-2018, worked by hand. The demo plant's tank farm (seeded as
 * MHS-chem-banan-01-01, first row):
 * <pre>
 *   液氨   150 t  Q = 10  (表1 序号1)   β = 2   (表3 氨)      q/Q = 15   βq/Q = 30
 *   液化石油气 100 t Q = 50 (表1 序号52) β = 1.5 (表4 W2)      q/Q = 2    βq/Q = 3
 *   甲醇  1000 t  Q = 500 (表1 序号65)  β = 1   (表4 W5.3)    q/Q = 2    βq/Q = 2
 *   S = 15 + 2 + 2 = 19 ≥ 1: a major hazard
 *   120 people within 500 m: α = 2.0 (表5, ≥ 100)
 *   R = 2.0 × (30 + 3 + 2) = 70: 50 ≤ R < 100, 二级 (表6)
 * </pre>
 * Substances are {@code name:category:tonnes}, ';' between; an empty category means "as 表1/表3 say".
 */
class MajorHazardCalculatorTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            demo tank farm (表1 1/52/65, 表3 氨, 表4 W2/W5.3, 表5 ≥100)     | 液氨::150;液化石油气::100;甲醇::1000 | 120 | 19     | 70   | SECOND
            液氯 below its Q: not a major hazard (表1 序号12, S < 1)          | 液氯::3                            | 0   | 0.6    | 1.2  | -
            S exactly 1 is a major hazard; α 0.5 for nobody (表5)            | 氨::10                             | 0   | 1      | 1    | FOURTH
            R exactly 10 is 三级 (表6), 液氯 β 4 (表3)                         | 液氯::6.25                         | 100 | 1.25   | 10   | THIRD
            R exactly 50 is 二级 (表6)                                        | 氯气::31.25                        | 100 | 6.25   | 50   | SECOND
            R exactly 100 is 一级 (表6)                                       | 液氨::250                          | 100 | 25     | 100  | FIRST
            液氯 25 t, 30 people: α 1.2 (表5 30-49)                           | 液氯::25                           | 30  | 5      | 24   | THIRD
            汽油 by 表1 序号66 with β of 表4 W5.1                              | 汽油::1000                         | 10  | 5      | 7.5  | FOURTH
            光气 (表1 序号6, 表3 β 20) and CO by category J3 (表2 Q 50, 表3 β 2) | 光气::0.3;一氧化碳:J3:100           | 50  | 3      | 36   | THIRD
            unnamed solvent by category W5.3 (表2 Q 1000, 表4 β 1)            | 某溶剂:W5_3:4000                   | 60  | 4      | 6    | FOURTH
            oxidising gas by category W4 (表2 Q 50, not 2009's 200; 表5 α 0.5) | 某氧化性气体:W4:100                | 0   | 2      | 1    | FOURTH
            named substance by CAS number (表1 序号65, 67-56-1)               | 67-56-1::1500                      | 1   | 3      | 3    | FOURTH
            过乙酸 named (表1 序号71 Q 10) with its category given (表4 W7.1)  | 过乙酸:W7_1:20                     | 200 | 2      | 6    | FOURTH
            """)
    void shouldComputeSAndRAndGradeWhenSubstancesAreDeclared(String example, String substances, int people,
                                                             String s, String r, String grade) {
        Assessment a = MajorHazardCalculator.assess(people, inputs(substances));
        assertEquals(0, new BigDecimal(s).compareTo(a.s()), example + ": S was " + a.s());
        assertEquals(0, new BigDecimal(r).compareTo(a.r()), example + ": R was " + a.r());
        if ("-".equals(grade)) {
            assertFalse(a.major(), example);
            assertNull(a.grade(), example);
        } else {
            assertTrue(a.major(), example);
            assertEquals(MajorHazardGrade.valueOf(grade), a.grade(), example);
        }
    }

    @ParameterizedTest(name = "{0} people -> α {1} (GB 18218-2018 表5)")
    @CsvSource({"0, 0.5", "1, 1.0", "29, 1.0", "30, 1.2", "49, 1.2", "50, 1.5", "99, 1.5", "100, 2.0", "5000, 2.0"})
    void shouldTakeAlphaFromTable5WhenPeopleAreCounted(int people, String alpha) {
        assertEquals(0, new BigDecimal(alpha).compareTo(MajorHazardCalculator.alpha(people)));
    }

    @ParameterizedTest(name = "{0}: 400 naming {2}")
    @CsvSource(delimiter = '|', textBlock = """
            quantity 0                                  | 液氨::0;液氯::1            | substances[0].quantity
            negative quantity                           | 液氯::1;液氨::-5           | substances[1].quantity
            unknown substance without a category        | 神秘物质::5                | substances[0].category
            named, β left open by the tables (表1 序号71) | 过乙酸::5                  | substances[0].category
            """)
    void shouldRefuseNamingTheFieldWhenASubstanceIsBad(String what, String substances, String field) {
        DomainException e = assertThrows(DomainException.class, () -> MajorHazardCalculator.assess(10, inputs(substances)));
        assertEquals(400, e.status(), what);
        assertEquals(field, e.errors().get(0).field(), what);
    }

    @Test
    void shouldHoldEveryRowOfTable1WhenTheTableIsLoaded() {
        List<NamedSubstance> rows = SubstanceTable.rows();
        assertEquals(85, rows.size());
        for (int i = 0; i < rows.size(); i++) {
            assertEquals(i + 1, rows.get(i).no(), "序号 in order");
            assertTrue(rows.get(i).threshold().signum() > 0, rows.get(i).name());
        }
        assertEquals(0, new BigDecimal("0.75").compareTo(SubstanceTable.find("异氰酸甲酯").orElseThrow().threshold()));
        assertEquals(0, new BigDecimal("200").compareTo(SubstanceTable.find("7782-44-7").orElseThrow().threshold()));
    }

    private static List<MajorHazardCalculator.Input> inputs(String spec) {
        List<MajorHazardCalculator.Input> list = new ArrayList<>();
        for (String part : spec.split(";")) {
            String[] f = part.split(":", -1);
            list.add(new MajorHazardCalculator.Input(f[0], f[1].isEmpty() ? null : HazardCategory.valueOf(f[1]),
                    new BigDecimal(f[2])));
        }
        return list;
    }
}
