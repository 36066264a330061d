package io.safetyhub.enterprise.checks;

import io.safetyhub.enterprise.riskpoint.CheckFrequency;

import java.time.Instant;

/** A check instance as shown: {@code overdue} = open and past its due time, now. */
public record CheckInstanceView(String id, String enterpriseId, String district, String town, String pointId,
                                String pointName, String measureId, String measure, String taskId, String content,
                                CheckFrequency frequency, String post, Instant dueFrom, Instant dueAt, CheckStatus status,
                                boolean overdue, String note, String doneBy, Instant doneAt, String hazardId) {

    static CheckInstanceView of(CheckInstance c, Instant now) {
        return new CheckInstanceView(c.id(), c.enterpriseId(), c.district(), c.town(), c.pointId(), c.pointName(),
                c.measureId(), c.measure(), c.taskId(), c.content(), c.frequency(), c.post(), c.dueFrom(), c.dueAt(),
                c.status(), c.overdue(now), c.note(), c.doneBy(), c.doneAt(), c.hazardId());
    }
}
