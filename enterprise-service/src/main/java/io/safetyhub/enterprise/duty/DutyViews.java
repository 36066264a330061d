package io.safetyhub.enterprise.duty;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** What the duty routes answer. */
public final class DutyViews {
    private DutyViews() {
    }

    /**
     * An installation's 包保 duties: per role its holder (phone masked unless the caller is the enterprise itself), the
     * frequency in force and the state of the current period.
     */
    public record Duties(String installationId, String installationName, String enterpriseId, List<RoleDuty> roles) {
    }

    /**
     * @param holder           null while the role has no holder
     * @param periodStart      first day of the period under way
     * @param dueBy            when its check is owed
     * @param checkedThisPeriod a check of this role is recorded in the period under way
     * @param lastCheck        the day of the latest check of this role, null when none
     */
    public record RoleDuty(DutyRole role, String roleLabel, Holder holder, DutyFrequency frequency, LocalDate periodStart,
                           Instant dueBy, boolean checkedThisPeriod, LocalDate lastCheck) {
    }

    public record Holder(String name, String position, String phone, LocalDate since) {
    }

    public record Check(String id, String installationId, DutyRole role, String personName, LocalDate date,
                        String findings, DutyOutcome outcome, String recordedBy, Instant recordedAt) {
        static Check of(DutyCheck c) {
            return new Check(c.id(), c.installationId(), c.role(), c.personName(), c.date(), c.findings(), c.outcome(),
                    c.recordedBy(), c.recordedAt());
        }
    }

    public record Overdue(String dutyKey, String enterpriseId, String enterpriseName, String district, String town,
                          String installationId, String installationName, DutyRole role, String roleLabel,
                          String personName, DutyFrequency frequency, LocalDate periodStart, Instant dueBy) {
        static Overdue of(OverdueDuty o) {
            return new Overdue(o.dutyKey(), o.enterpriseId(), o.enterpriseName(), o.district(), o.town(),
                    o.installationId(), o.installationName(), o.role(), o.role().label(), o.personName(), o.frequency(),
                    o.periodStart(), o.dueBy());
        }
    }
}
