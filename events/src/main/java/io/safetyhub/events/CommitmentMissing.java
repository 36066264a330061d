package io.safetyhub.events;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * A hazardous-chemical enterprise had not posted its daily safety commitment (安全承诺公告) by the
 * configured hour; warning-service turns it into a blue (IV) alarm. Published once per enterprise and day.
 *
 * @param date     the day of the missing commitment, in the platform's zone (Asia/Shanghai)
 * @param deadline the instant by which it was due (e.g. 09:00 China Standard Time of {@code date})
 */
public record CommitmentMissing(
        UUID eventId,
        Instant occurredAt,
        String source,
        String enterpriseId,
        String enterpriseName,
        String district,
        String town,
        LocalDate date,
        Instant deadline) {
}
