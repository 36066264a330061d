package io.safetyhub.emergency.drill;

import io.safetyhub.emergency.config.EmergencyConfig;
import io.safetyhub.emergency.plan.PlanKind;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

/**
 * 应急管理部令第2号 第三十三条: a comprehensive or special plan drill at least every 12 months; an on-site disposal
 * drill at least every 6 months in the high-risk sectors. An enterprise that never held one is due at once.
 */
@ApplicationScoped
public class DrillFrequency {
    private final EmergencyConfig.Drills rules;

    public DrillFrequency(EmergencyConfig config) {
        this.rules = config.drills();
    }

    /** One rule's standing: the last drill held under it, when the next is due (null: now), and whether overdue. */
    public record Standing(String rule, LocalDate lastHeld, LocalDate nextDue, boolean overdue) {
    }

    /**
     * @param heldDrills the enterprise's held drills (any order)
     * @param sectors    the enterprise's sectors, deciding whether the on-site rule applies
     */
    public List<Standing> standing(List<Drill> heldDrills, List<String> sectors, LocalDate today) {
        Standing general = standing("COMPREHENSIVE_OR_SPECIAL", heldDrills, Set.of(PlanKind.COMPREHENSIVE, PlanKind.SPECIAL),
                rules.comprehensiveOrSpecialEveryMonths(), today);
        boolean highRisk = sectors.stream().anyMatch(rules.highRiskSectors()::contains);
        if (!highRisk) {
            return List.of(general);
        }
        return List.of(general, standing("ON_SITE", heldDrills, Set.of(PlanKind.ON_SITE), rules.onSiteEveryMonths(), today));
    }

    private static Standing standing(String rule, List<Drill> held, Set<PlanKind> kinds, int months, LocalDate today) {
        LocalDate last = held.stream().filter(d -> d.heldOn() != null && kinds.contains(d.scope())).map(Drill::heldOn)
                .max(LocalDate::compareTo).orElse(null);
        LocalDate due = last == null ? null : last.plusMonths(months);
        return new Standing(rule, last, due, due == null || today.isAfter(due));
    }
}
