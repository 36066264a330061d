package io.safetyhub.events;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * A major accident hazard (重大事故隐患, grade MAJOR of enterprise-service's hazard register; not a 重大危险源
 * installation) passed its rectification deadline without being closed (销号): 安全生产法 第四十一条 asks that it be
 * eliminated in time, 第一百零二条 punishes failing to. Published once per hazard and deadline: {@code overdueKey}
 * ({@code hazardId|deadline}) is the consumers' idempotency key, so a deadline extended and missed again is a new event.
 *
 * @param findingId    the enforcement finding the hazard was opened from (enforcement-service counts those through
 *                     its own re-inspection), or null
 * @param deadline     the last day of rectification, in the platform's zone
 * @param overdueSince the first instant past the deadline (the start of the next day in the platform's zone)
 */
public record HazardOverdue(
        UUID eventId,
        Instant occurredAt,
        String source,
        String overdueKey,
        String hazardId,
        String enterpriseId,
        String enterpriseName,
        String district,
        String town,
        String grade,
        String category,
        String hazardSource,
        String description,
        String findingId,
        LocalDate deadline,
        Instant overdueSince) {
}
