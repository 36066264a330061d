package io.safetyhub.enterprise.riskpoint;

import io.safetyhub.enterprise.enterprise.RiskColour;

import java.time.Instant;
import java.util.List;

/**
 * A risk point (风险点) as stored ({@code risk_points}, {@code _id} = id), with its control measures (管控措施) and
 * their check tasks (排查任务) embedded, so that a point and its lists change in one document write. The grade is
 * stored as computed for the lists that filter by colour.
 *
 * @param value D (LEC) or R (LS)
 */
public record RiskPoint(String id, String enterpriseId, String district, String town, String name, Double longitude,
                        Double latitude, List<String> hazards, GradingMethod method, Double l, Double e, Double c,
                        Double s, double value, RiskColour colour, List<Measure> measures, Instant createdAt,
                        Instant updatedAt, String updatedBy) {

    public RiskPoint {
        hazards = hazards == null ? List.of() : List.copyOf(hazards);
        measures = measures == null ? List.of() : List.copyOf(measures);
    }

    /** A control measure with its check tasks. */
    public record Measure(String id, String description, List<Task> tasks) {
        public Measure {
            tasks = tasks == null ? List.of() : List.copyOf(tasks);
        }
    }

    /** A check task: what to check, how often, by which post (岗位). */
    public record Task(String id, String content, CheckFrequency frequency, String post) {
    }
}
