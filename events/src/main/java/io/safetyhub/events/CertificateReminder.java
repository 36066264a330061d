package io.safetyhub.events;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * A certificate (证书) of a person is due for expiry or review (复审) within {@code daysBefore} days; from
 * training-service, which publishes it once per certificate, due date and threshold (default 90 and 30
 * days). The warning service may turn it into a blue (IV) alarm. {@code eventId} is derived from
 * {@code reminderId}, so a re-publication after a crash carries the same id and can be recognised.
 *
 * @param reminderId     {@code certificateId|due|dueOn|daysBefore}, the idempotency key
 * @param due            EXPIRY (valid until) or REVIEW (next review)
 * @param dueOn          the date the certificate expires or must be reviewed
 * @param daysBefore     the reminder threshold reached (90, 30 …)
 * @param daysLeft       days from the day of the check to {@code dueOn}
 */
public record CertificateReminder(
        UUID eventId,
        Instant occurredAt,
        String source,
        String reminderId,
        String certificateId,
        String certificateKind,
        String certificateNumber,
        String personId,
        String personName,
        String enterpriseId,
        String enterpriseName,
        String district,
        Due due,
        LocalDate dueOn,
        int daysBefore,
        long daysLeft) {

    /** Which date of the certificate the reminder is about. */
    public enum Due { EXPIRY, REVIEW }
}
