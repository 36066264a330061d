package io.safetyhub.enterprise.enterprise;

import io.safetyhub.platform.Problem;
import io.safetyhub.platform.rest.DomainException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.LocalDate;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** What an enterprise may not change in its own entry: each regulator-owned field refused by name. */
class RegulatorOwnedFieldsTest {
    private static final Enterprise CHEM = new Enterprise("chem-banan-01", "重庆南彭化工储运有限公司", "91500113MA5U4XYD7T",
            "陈建国", "重庆市巴南区南彭街道", "巴南区", "南彭街道", 106.6712, 29.3845,
            List.of(Sector.HAZARDOUS_CHEMICALS, Sector.SPECIAL_EQUIPMENT), RiskColour.ORANGE, StandardisationGrade.GRADE_2,
            null, EnterpriseStatus.OPERATING, null, null);

    @Test
    void shouldAcceptEditWhenOnlyEnterpriseOwnedFieldsChange() {
        EnterpriseRequest edit = new EnterpriseRequest(null, "重庆南彭化工储运股份有限公司", " 91500113MA5U4XYD7T ", "王芳",
                "重庆市巴南区南彭街道华南村 8 号", "巴南区", "南彭街道 ", 106.7, 29.4,
                List.of(Sector.SPECIAL_EQUIPMENT, Sector.HAZARDOUS_CHEMICALS), RiskColour.ORANGE,
                StandardisationGrade.GRADE_2, new EnterpriseRequest.Insurance("AQZR-2", LocalDate.parse("2027-12-31")));
        assertDoesNotThrow(() -> RegulatorOwnedFields.requireUnchanged(CHEM, edit));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
            uscc                 | 91500113MA5U4XYD8L | 巴南区 | 南彭街道   | HAZARDOUS_CHEMICALS;SPECIAL_EQUIPMENT | ORANGE | GRADE_2
            district             | 91500113MA5U4XYD7T | 渝北区 | 南彭街道   | HAZARDOUS_CHEMICALS;SPECIAL_EQUIPMENT | ORANGE | GRADE_2
            town                 | 91500113MA5U4XYD7T | 巴南区 | 李家沱街道 | HAZARDOUS_CHEMICALS;SPECIAL_EQUIPMENT | ORANGE | GRADE_2
            sectors              | 91500113MA5U4XYD7T | 巴南区 | 南彭街道   | INDUSTRY_TRADE                        | ORANGE | GRADE_2
            sectors              | 91500113MA5U4XYD7T | 巴南区 | 南彭街道   | SPECIAL_EQUIPMENT                     | ORANGE | GRADE_2
            riskColour           | 91500113MA5U4XYD7T | 巴南区 | 南彭街道   | HAZARDOUS_CHEMICALS;SPECIAL_EQUIPMENT | BLUE   | GRADE_2
            riskColour           | 91500113MA5U4XYD7T | 巴南区 | 南彭街道   | HAZARDOUS_CHEMICALS;SPECIAL_EQUIPMENT | -      | GRADE_2
            standardisationGrade | 91500113MA5U4XYD7T | 巴南区 | 南彭街道   | HAZARDOUS_CHEMICALS;SPECIAL_EQUIPMENT | ORANGE | GRADE_1
            standardisationGrade | 91500113MA5U4XYD7T | 巴南区 | 南彭街道   | HAZARDOUS_CHEMICALS;SPECIAL_EQUIPMENT | ORANGE | -
            """)
    void shouldRefuseNamingTheFieldWhenEnterpriseChangesARegulatorOwnedOne(String field, String uscc, String district,
                                                                         String town, String sectors, String colour,
                                                                         String grade) {
        EnterpriseRequest edit = new EnterpriseRequest(null, CHEM.name(), uscc, null, null, district, town, null, null,
                java.util.Arrays.stream(sectors.split(";")).map(Sector::valueOf).toList(),
                colour == null ? null : RiskColour.valueOf(colour),
                grade == null ? null : StandardisationGrade.valueOf(grade), null);
        DomainException e = assertThrows(DomainException.class, () -> RegulatorOwnedFields.requireUnchanged(CHEM, edit));
        assertEquals(403, e.status());
        assertEquals("FIELD_REGULATOR_OWNED", e.code());
        assertEquals(List.of(field), e.errors().stream().map(Problem.FieldError::field).toList());
    }

    @Test
    void shouldNameEveryChangedFieldWhenSeveralChangeAtOnce() {
        EnterpriseRequest edit = new EnterpriseRequest(null, CHEM.name(), CHEM.uscc(), null, null, "巴南区", "南彭街道",
                null, null, List.of(Sector.INDUSTRY_TRADE), RiskColour.BLUE, StandardisationGrade.GRADE_1, null);
        DomainException e = assertThrows(DomainException.class, () -> RegulatorOwnedFields.requireUnchanged(CHEM, edit));
        assertEquals(List.of("sectors", "riskColour", "standardisationGrade"),
                e.errors().stream().map(Problem.FieldError::field).toList());
    }
}
