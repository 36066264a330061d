package io.safetyhub.enterprise.riskpoint;

import io.safetyhub.enterprise.enterprise.RiskColour;
import io.safetyhub.platform.rest.DomainException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Both methods' bands at their edges; each row names the method and the band it lands in. */
class RiskGradingTest {
    private static final RiskGrading.LsBands DEFAULT = new RiskGrading.LsBands(20, 9, 4);

    @ParameterizedTest(name = "LEC {0}: L={1} E={2} C={3} -> D={4} {5}")
    @CsvSource(delimiter = '|', textBlock = """
            highest possible, 极其危险 (D > 320)           | 10  | 10  | 100 | 10000 | RED
            360 > 320, 极其危险                            | 3   | 3   | 40  | 360  | RED
            324 just above 320, 极其危险                   | 6   | 6   | 9   | -    | -
            300, 高度危险 (160–320; 320 itself unreachable) | 1   | 3   | 100 | 300  | ORANGE
            180, 高度危险 (160–320)                        | 6   | 2   | 15  | 180  | ORANGE
            150 just below 160, 显著危险 (70–160)          | 3   | 0.5 | 100 | 150  | YELLOW
            exactly 70 is 显著危险 (70 ≤ D < 160)           | 1   | 10  | 7   | 70   | YELLOW
            60 just below 70, 一般危险 (< 70)              | 1   | 6   | 10  | -    | -
            42, 一般危险 (< 70)                            | 1   | 6   | 7   | 42   | BLUE
            lowest possible, 稍有危险 (< 20)               | 0.1 | 0.5 | 1   | 0.05 | BLUE
            """)
    void shouldColourByLecBandsWhenValuesAreOnScale(String band, double l, double e, double c, String d,
                                                    String colour) {
        if ("-".equals(d)) {
            // C has no 9 or 10 on its scale: such a row is refused, naming c.
            assertEquals("c", assertThrows(DomainException.class, () -> RiskGrading.lec(l, e, c)).errors().get(0).field());
            return;
        }
        RiskGrading.Grade g = RiskGrading.lec(l, e, c);
        assertEquals(Double.parseDouble(d), g.value(), 1e-9, band);
        assertEquals(RiskColour.valueOf(colour), g.colour(), band);
    }

    @ParameterizedTest(name = "LS default bands: L={0} S={1} -> R={2} {3}")
    @CsvSource({
            "5, 5, 25, RED",     // 20–25 red, top
            "4, 5, 20, RED",     // 20 is red's lower edge
            "4, 4, 16, ORANGE",  // 9–16 orange, top
            "3, 3, 9, ORANGE",   // 9 is orange's lower edge
            "2, 4, 8, YELLOW",   // 4–8 yellow, top
            "2, 2, 4, YELLOW",   // 4 is yellow's lower edge
            "1, 3, 3, BLUE",     // 1–3 blue, top
            "1, 1, 1, BLUE"})    // 1–3 blue, bottom
    void shouldColourByLsBandsWhenDefaultsApply(double l, double s, int r, String colour) {
        RiskGrading.Grade g = RiskGrading.ls(l, s, DEFAULT);
        assertEquals(r, g.value(), 1e-9);
        assertEquals(RiskColour.valueOf(colour), g.colour());
    }

    @ParameterizedTest(name = "LS bands 15/6/3: R={0}*{1} -> {2}")
    @CsvSource({"3, 5, RED", "2, 3, ORANGE", "1, 3, YELLOW", "1, 2, BLUE"})
    void shouldFollowConfiguredLsBandsWhenTheyAreChanged(double l, double s, String colour) {
        assertEquals(RiskColour.valueOf(colour), RiskGrading.ls(l, s, new RiskGrading.LsBands(15, 6, 3)).colour());
    }

    @ParameterizedTest(name = "{0} {1}/{2}/{3}/{4} -> 400 naming {5}")
    @CsvSource(nullValues = "null", value = {
            "LEC, 2, 6, 40, null, l",     // L off the LEC scale (no 2)
            "LEC, 1, 4, 40, null, e",     // E off the scale (no 4)
            "LEC, 1, 6, 50, null, c",     // C off the scale (no 50)
            "LEC, null, 6, 40, null, l",  // missing
            "LS, 0, null, null, 3, l",    // L below 1
            "LS, 3, null, null, 6, s",    // S above 5
            "LS, 2.5, null, null, 3, l",  // not whole
            "LS, 3, null, null, null, s"})
    void shouldRefuseNamingTheFieldWhenAValueIsOffTheMethodsScale(GradingMethod method, Double l, Double e, Double c,
                                                                    Double s, String field) {
        DomainException ex = assertThrows(DomainException.class, () -> RiskGrading.grade(method, l, e, c, s, DEFAULT));
        assertEquals(400, ex.status());
        assertEquals(field, ex.errors().get(0).field());
    }
}
