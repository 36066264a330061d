package io.safetyhub.enterprise.checks;

import io.safetyhub.enterprise.riskpoint.CheckFrequency;

import java.time.Instant;

/**
 * One check task falling due in one period ({@code check_instances}, {@code _id} = id), with what the point, measure
 * and task said when it fell due, so that later edits of the point do not rewrite history.
 *
 * @param overdueCounted the scheduler has counted it as overdue (each instance once)
 * @param hazardId       the hazard a failed check opened
 */
public record CheckInstance(String id, String enterpriseId, String district, String town, String pointId,
                            String pointName, String measureId, String measure, String taskId, String content,
                            CheckFrequency frequency, String post, Instant dueFrom, Instant dueAt, CheckStatus status,
                            String note, String doneBy, Instant doneAt, String hazardId, boolean overdueCounted) {

    public boolean overdue(Instant now) {
        return status == CheckStatus.OPEN && !now.isBefore(dueAt);
    }

    public CheckInstance recorded(CheckStatus outcome, String note, String by, Instant at) {
        return new CheckInstance(id, enterpriseId, district, town, pointId, pointName, measureId, measure, taskId, content,
                frequency, post, dueFrom, dueAt, outcome, note, by, at, hazardId, overdueCounted);
    }

    public CheckInstance withHazard(String hazard) {
        return new CheckInstance(id, enterpriseId, district, town, pointId, pointName, measureId, measure, taskId, content,
                frequency, post, dueFrom, dueAt, status, note, doneBy, doneAt, hazard, overdueCounted);
    }
}
