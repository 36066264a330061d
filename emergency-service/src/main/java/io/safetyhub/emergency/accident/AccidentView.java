package io.safetyhub.emergency.accident;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * An accident as answered: the stored facts plus what is computed at the moment of asking: each reporting step with
 * its deadline and status, {@code late} when any step is late or overdue, and the last day a casualty change is
 * still taken ({@code supplementUntil}).
 */
public record AccidentView(String id, String enterpriseId, String enterpriseName, String district, String town,
                           String sector, AccidentKind kind, Instant occurredAt, String place, String summary,
                           int deaths, int seriousInjuries, long directLossYuan, AccidentGrade grade,
                           List<ReportingDeadlines.Step> reporting, boolean late, LocalDate supplementUntil,
                           List<Accident.Supplement> supplements, AccidentStatus status,
                           Accident.Investigation investigation, Accident.Closure closure, String reportedBy,
                           Instant recordedAt) {
}
