package io.safetyhub.emergency.accident;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A production-safety accident as stored ({@code accidents}). {@code grades} is the grade history (the grade as
 * first reported, then each change by a supplementary report); {@code reports} when each level received the report;
 * {@code version} guards against two writers replacing each other's change.
 */
public record Accident(String id, long version, String enterpriseId, String enterpriseName, String district, String town,
                       String sector, AccidentKind kind, Instant occurredAt, LocalDate occurredOn, String place,
                       String summary, Casualties casualties, AccidentGrade grade,
                       List<ReportingDeadlines.GradeAt> grades, List<LevelReport> reports, List<Supplement> supplements,
                       AccidentStatus status, Investigation investigation, Closure closure, String reportedBy,
                       Instant recordedAt) {

    public Accident {
        grades = List.copyOf(grades);
        reports = reports == null ? List.of() : List.copyOf(reports);
        supplements = supplements == null ? List.of() : List.copyOf(supplements);
    }

    /** A level received the report at {@code reportedAt}; {@code recordedBy} is the account that entered it. */
    public record LevelReport(ReportLevel level, Instant reportedAt, String recordedBy) {
    }

    /** 补报: the figures after a change, and the grade before and after. */
    public record Supplement(Instant reportedAt, Casualties casualties, AccidentGrade previousGrade, AccidentGrade grade,
                             String note, String recordedBy) {
    }

    /** 事故调查: who investigates, from when. */
    public record Investigation(String team, LocalDate startedOn, String recordedBy) {
    }

    /** 结案 */
    public record Closure(LocalDate closedOn, String conclusion, String recordedBy) {
    }
}
