package io.safetyhub.enforcement.inspection;

import io.safetyhub.enforcement.inspector.Inspector;
import io.safetyhub.enforcement.roster.Sector;
import io.safetyhub.platform.rest.DomainException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The team and sector of an inspection opened from a report, outside a draw: one rule per row. */
class ReportTeamTest {
    private static final Map<String, Inspector> ROSTER = Stream.of(
            inspector("a", "巴南区", null, true, "chem-other"),
            inspector("b", "巴南区", null, true),
            inspector("town", "巴南区", "南彭街道", true),
            inspector("other-town", "巴南区", "鱼洞街道", true),
            inspector("yubei", "渝北区", null, true),
            inspector("left", "巴南区", null, false),
            inspector("conflicted", "巴南区", null, true, "chem-banan-01"),
            new Inspector("gas-only", "燃气", "G1", "巴南区", null, List.of(Sector.TOWN_GAS), List.of(), null, true))
            .collect(Collectors.toMap(Inspector::id, Function.identity()));

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            行政处罚法 第四十二条: two inspectors of the district make a team                 | a b              | ok
            行政处罚法 第四十二条: one inspector alone is not a team                          | a                | inspectorIds
            行政处罚法 第四十二条: one inspector named twice is still one                       | a a              | inspectorIds[1]
            roster: an inspector of the enterprise's own town may go                        | a town           | ok
            roster: an inspector of another town of the district may not                    | a other-town     | inspectorIds[1]
            roster: an inspector of another district may not                                | yubei a          | inspectorIds[0]
            roster: an inspector who left the roster may not                                | a left           | inspectorIds[1]
            roster: an unknown id is refused                                                | a nobody         | inspectorIds[1]
            qualification: an inspector not qualified for the sector may not                | a gas-only       | inspectorIds[1]
            行政处罚法 第四十三条 (回避): a declared conflict with the enterprise refuses him    | conflicted a b   | inspectorIds[0]
            行政处罚法 第四十三条: a conflict with another enterprise does not                  | a b town         | ok
            """)
    void shouldAcceptTheTeamOnlyWhenEveryRuleHolds(String rule, String ids, String expected) {
        List<String> named = Arrays.asList(ids.split(" "));
        if ("ok".equals(expected)) {
            List<Inspection.TeamMember> team = ReportTeam.check(named, ROSTER, "chem-banan-01", "巴南区", "南彭街道",
                    Sector.HAZARDOUS_CHEMICALS, 2);
            assertEquals(named, team.stream().map(Inspection.TeamMember::inspectorId).toList(), rule);
        } else {
            DomainException e = assertThrows(DomainException.class, () -> ReportTeam.check(named, ROSTER, "chem-banan-01",
                    "巴南区", "南彭街道", Sector.HAZARDOUS_CHEMICALS, 2), rule);
            assertEquals(expected, e.errors().get(0).field(), rule + ": " + e.getMessage());
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            checklist per sector: none asked, the enterprise's only sector              | -                   | HAZARDOUS_CHEMICALS              | HAZARDOUS_CHEMICALS
            checklist per sector: one asked among the enterprise's                      | SPECIAL_EQUIPMENT   | CONSTRUCTION SPECIAL_EQUIPMENT   | SPECIAL_EQUIPMENT
            checklist per sector: none asked for an enterprise of two is refused        | -                   | CONSTRUCTION SPECIAL_EQUIPMENT   | sector
            checklist per sector: a sector not the enterprise's is refused              | TOWN_GAS            | HAZARDOUS_CHEMICALS              | sector
            """)
    void shouldChooseTheSectorWhenTheEnterpriseHasOneOrItIsNamed(String rule, String asked, String sectors, String expected) {
        List<String> of = Arrays.asList(sectors.split(" "));
        String ask = "-".equals(asked) ? null : asked;
        if ("sector".equals(expected)) {
            DomainException e = assertThrows(DomainException.class, () -> ReportTeam.sector(ask, of), rule);
            assertEquals("sector", e.errors().get(0).field(), rule);
        } else {
            assertEquals(Sector.valueOf(expected), ReportTeam.sector(ask, of), rule);
        }
    }

    private static Inspector inspector(String id, String district, String town, boolean active, String... conflicts) {
        return new Inspector(id, "检查员" + id, "B-" + id, district, town, List.of(Sector.HAZARDOUS_CHEMICALS, Sector.TOWN_GAS),
                Stream.of(conflicts).map(c -> new Inspector.Conflict(c, "亲属任职")).toList(), null, active);
    }
}
