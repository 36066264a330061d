package io.safetyhub.emergency.accident;

import io.safetyhub.emergency.config.EmergencyConfig;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The reporting chain of an accident and whether each step was on time (国务院令第493号 第九条 to 第十一条): the
 * county must have it within {@code first-report-within} (1 h) of the accident, each next level within
 * {@code level-up-within} (2 h) of the level below receiving it. A level that only became required when a
 * supplementary report raised the grade is due {@code level-up-within} after that report, not after the accident.
 */
@ApplicationScoped
public class ReportingDeadlines {
    private final Duration first;
    private final Duration levelUp;

    public ReportingDeadlines(EmergencyConfig config) {
        this.first = config.accidents().firstReportWithin();
        this.levelUp = config.accidents().levelUpWithin();
    }

    /** When the grade first reached a value, oldest first; the first entry is the grade as reported. */
    public record GradeAt(AccidentGrade grade, Instant at) {
    }

    public enum StepStatus { ON_TIME, LATE, PENDING, OVERDUE }

    public record Step(ReportLevel level, Instant due, Instant reportedAt, StepStatus status) {
        public boolean late() {
            return status == StepStatus.LATE || status == StepStatus.OVERDUE;
        }
    }

    /**
     * @param occurredAt when the accident happened
     * @param grades     the grade history (at least one entry)
     * @param reported   when each level received the report, for the levels that have
     * @param now        the moment the steps are judged at
     */
    public List<Step> steps(Instant occurredAt, List<GradeAt> grades, Map<ReportLevel, Instant> reported, Instant now) {
        AccidentGrade current = grades.get(grades.size() - 1).grade();
        List<Step> steps = new ArrayList<>();
        Instant previous = null;
        for (ReportLevel level : ReportLevel.values()) {
            if (!level.requiredFor(current)) {
                break;
            }
            Instant due = previous == null ? occurredAt.plus(first) : previous.plus(levelUp);
            Instant requiredSince = requiredSince(level, grades);
            if (requiredSince != null && requiredSince.isAfter(occurredAt) && requiredSince.plus(levelUp).isAfter(due)) {
                due = requiredSince.plus(levelUp);
            }
            Instant at = reported.get(level);
            steps.add(new Step(level, due, at, status(due, at, now)));
            previous = at != null ? at : due;
        }
        return steps;
    }

    private static Instant requiredSince(ReportLevel level, List<GradeAt> grades) {
        return grades.stream().filter(g -> level.requiredFor(g.grade())).map(GradeAt::at).findFirst().orElse(null);
    }

    private static StepStatus status(Instant due, Instant reportedAt, Instant now) {
        if (reportedAt != null) {
            return reportedAt.isAfter(due) ? StepStatus.LATE : StepStatus.ON_TIME;
        }
        return now.isAfter(due) ? StepStatus.OVERDUE : StepStatus.PENDING;
    }
}
