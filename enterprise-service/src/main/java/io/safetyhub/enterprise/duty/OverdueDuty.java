package io.safetyhub.enterprise.duty;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A period that ended without its duty check, as announced ({@code duty_overdue}, {@code _id} = dutyKey
 * {@code installationId|role|periodStart}): the scheduler's memory of what it published, and the regulator's list.
 */
public record OverdueDuty(String dutyKey, String installationId, String installationName, String enterpriseId,
                          String enterpriseName, String district, String town, DutyRole role, String personName,
                          DutyFrequency frequency, LocalDate periodStart, Instant dueBy, Instant announcedAt) {

    public static String key(String installationId, DutyRole role, LocalDate periodStart) {
        return installationId + "|" + role.name() + "|" + periodStart;
    }
}
