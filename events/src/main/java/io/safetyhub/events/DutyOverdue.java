package io.safetyhub.events;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * A 包保责任人 of a major-hazard installation had not recorded the duty check his role owes for a period by its
 * end (危险化学品重大危险源企业安全包保责任制办法, 2021: 主要负责人 quarterly, 技术负责人 monthly, 操作负责人 weekly).
 * warning-service turns it into a blue (IV) alarm for the enterprise's regulator. Published once per
 * installation, role and period: {@code dutyKey} is that identity and the consumers' idempotency key.
 *
 * @param dutyKey       {@code installationId|role|periodStart}
 * @param role          MAIN (主要负责人), TECHNICAL (技术负责人), OPERATIONAL (操作负责人)
 * @param frequency     QUARTERLY, MONTHLY, WEEKLY: the frequency in force for the role
 * @param periodStart   first day of the period the check was owed for, in the platform's zone
 * @param dueBy         the instant the period ended
 */
public record DutyOverdue(
        UUID eventId,
        Instant occurredAt,
        String source,
        String dutyKey,
        String enterpriseId,
        String enterpriseName,
        String district,
        String town,
        String installationId,
        String installationName,
        Role role,
        String personName,
        String frequency,
        LocalDate periodStart,
        Instant dueBy) {

    public enum Role { MAIN, TECHNICAL, OPERATIONAL }
}
