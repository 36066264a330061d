package io.safetyhub.emergency.plan;

import io.safetyhub.emergency.config.EmergencyConfig;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.Set;

/**
 * A plan's two deadlines (应急管理部令第2号): filing within {@code filing-working-days} working days of publication
 * (第二十六条), revision {@code revision-years} after the current version's publication (第三十五条); and whether each
 * is overdue on a day.
 */
@ApplicationScoped
public class PlanSchedule {
    private final WorkingDays workingDays;
    private final int filingDays;
    private final int revisionYears;

    public PlanSchedule(EmergencyConfig config) {
        Set<LocalDate> holidays = new HashSet<>();
        config.plans().holidays().ifPresent(days -> days.forEach(h -> holidays.add(LocalDate.parse(h.strip()))));
        this.workingDays = new WorkingDays(holidays);
        this.filingDays = config.plans().filingWorkingDays();
        this.revisionYears = config.plans().revisionYears();
    }

    public LocalDate filingDue(LocalDate publishedOn) {
        return workingDays.after(publishedOn, filingDays);
    }

    public LocalDate revisionDue(LocalDate publishedOn) {
        return publishedOn.plusYears(revisionYears);
    }

    /** Not filed (or returned and not filed again) after the deadline. */
    public boolean filingOverdue(LocalDate publishedOn, FilingStatus status, LocalDate today) {
        return (status == FilingStatus.NOT_FILED || status == FilingStatus.RETURNED) && today.isAfter(filingDue(publishedOn));
    }

    public boolean revisionOverdue(LocalDate publishedOn, LocalDate today) {
        return today.isAfter(revisionDue(publishedOn));
    }
}
