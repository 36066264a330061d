package io.safetyhub.emergency.accident;

import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** Stored accident to answer, with the reporting steps judged at {@code now}. */
@ApplicationScoped
public class AccidentMapper {
    private final ReportingDeadlines deadlines;
    private final SupplementWindow window;

    public AccidentMapper(ReportingDeadlines deadlines, SupplementWindow window) {
        this.deadlines = deadlines;
        this.window = window;
    }

    public AccidentView view(Accident a, Instant now) {
        List<ReportingDeadlines.Step> steps = steps(a, now);
        Casualties c = a.casualties();
        return new AccidentView(a.id(), a.enterpriseId(), a.enterpriseName(), a.district(), a.town(), a.sector(), a.kind(),
                a.occurredAt(), a.place(), a.summary(), c.deaths(), c.seriousInjuries(), c.directLossYuan(), a.grade(),
                steps, steps.stream().anyMatch(ReportingDeadlines.Step::late), window.lastDay(a.occurredOn(), a.kind()),
                a.supplements(), a.status(), a.investigation(), a.closure(), a.reportedBy(), a.recordedAt());
    }

    public List<ReportingDeadlines.Step> steps(Accident a, Instant now) {
        Map<ReportLevel, Instant> reported = new EnumMap<>(ReportLevel.class);
        a.reports().forEach(r -> reported.put(r.level(), r.reportedAt()));
        return deadlines.steps(a.occurredAt(), a.grades(), reported, now);
    }
}
