package io.safetyhub.enforcement.inspection;

import io.safetyhub.enforcement.inspector.Inspector;
import io.safetyhub.enforcement.roster.Sector;
import io.safetyhub.platform.rest.DomainException;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The sector and the team of an inspection opened from a report, outside a draw: the handler names the inspectors, and
 * the rules the draw applies to its own picks are checked on that choice instead. A broken rule is 400 naming the field.
 */
public final class ReportTeam {
    private ReportTeam() {
    }

    /**
     * The sector inspected: the one asked for, which must be one of the enterprise's; none asked, the enterprise's only
     * one. An enterprise of several sectors needs the choice, since each has its own checklist.
     */
    public static Sector sector(String asked, List<String> enterpriseSectors) {
        if (asked == null || asked.isBlank()) {
            if (enterpriseSectors.size() != 1) {
                throw DomainException.field("sector", "required: the enterprise is registered under " + enterpriseSectors);
            }
            return parse(enterpriseSectors.get(0));
        }
        String name = asked.strip();
        if (!enterpriseSectors.contains(name)) {
            throw DomainException.field("sector", name + " is not one of the enterprise's sectors " + enterpriseSectors);
        }
        return parse(name);
    }

    /**
     * The team, in the order named, when every rule holds:
     * <ul>
     *   <li>at least {@code atLeast} inspectors, none named twice (行政处罚法 第四十二条: 执法人员不得少于两人);</li>
     *   <li>each on the roster and active, of the enterprise's district, working for its town or the whole district;</li>
     *   <li>each qualified for the sector (the sector's checklist is theirs to apply);</li>
     *   <li>none with a declared conflict of interest with the enterprise (回避, 行政处罚法 第四十三条).</li>
     * </ul>
     */
    public static List<Inspection.TeamMember> check(List<String> ids, Map<String, Inspector> roster, String enterpriseId,
                                                    String district, String town, Sector sector, int atLeast) {
        Set<String> seen = new HashSet<>();
        List<Inspection.TeamMember> team = new ArrayList<>();
        for (int i = 0; i < ids.size(); i++) {
            String field = "inspectorIds[" + i + "]";
            String id = ids.get(i) == null ? "" : ids.get(i).strip();
            if (!seen.add(id)) {
                throw DomainException.field(field, id + " is named twice");
            }
            Inspector inspector = roster.get(id);
            if (inspector == null || !inspector.active()) {
                throw DomainException.field(field, id + " is not an active inspector of the roster");
            }
            if (!district.equals(inspector.district()) || inspector.town() != null && !inspector.town().equals(town)) {
                throw DomainException.field(field, inspector.name() + " does not work for " + district
                        + (town == null ? "" : "/" + town));
            }
            if (!inspector.sectors().contains(sector)) {
                throw DomainException.field(field, inspector.name() + " is not qualified for " + sector);
            }
            if (inspector.conflictingEnterprises().contains(enterpriseId)) {
                throw DomainException.field(field, inspector.name() + " declared a conflict of interest with " + enterpriseId
                        + " (回避)");
            }
            team.add(new Inspection.TeamMember(inspector.id(), inspector.name(), inspector.badgeNumber()));
        }
        if (team.size() < atLeast) {
            throw DomainException.field("inspectorIds", "at least " + atLeast + " inspectors (行政处罚法 第四十二条), "
                    + team.size() + " named");
        }
        return team;
    }

    private static Sector parse(String name) {
        try {
            return Sector.valueOf(name);
        } catch (IllegalArgumentException e) {
            throw DomainException.field("sector", name + " is not a sector with a checklist");
        }
    }
}
