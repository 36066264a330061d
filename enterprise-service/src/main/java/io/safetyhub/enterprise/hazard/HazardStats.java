package io.safetyhub.enterprise.hazard;

import io.safetyhub.enterprise.enterprise.Sector;

import java.util.List;
import java.util.Map;

/**
 * Counts for the regulator dashboard, within the caller's scope.
 *
 * @param open           hazards not closed
 * @param openMajor      major hazards not closed (the number tracked to zero, 动态清零)
 * @param overdue        open hazards past their deadline
 * @param byStatus       hazards per status
 * @param majorOpenGroups open major hazards per district and sector, with the oldest one's age
 */
public record HazardStats(long open, long openMajor, long overdue, Map<HazardStatus, Long> byStatus,
                          List<Group> majorOpenGroups) {

    public record Group(String district, Sector sector, long count, long oldestAgeDays) {
    }
}
