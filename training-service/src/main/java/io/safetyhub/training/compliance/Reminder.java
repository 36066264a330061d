package io.safetyhub.training.compliance;

import io.safetyhub.events.CertificateReminder;
import io.safetyhub.training.certificate.CertificateKind;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A reminder as stored in {@code reminders}; {@code id} = {@code certificateId|due|dueOn|daysBefore}, so that
 * the primary index makes a second reminder for the same certificate, date and threshold impossible.
 * {@code published} turns true once Kafka acknowledged the event; an unpublished one is retried.
 */
public record Reminder(String id, String certificateId, String personId, String enterpriseId, CertificateKind kind,
                       String number, CertificateReminder.Due due, LocalDate dueOn, int daysBefore, long daysLeft,
                       LocalDate raisedOn, Instant createdAt, boolean published) {

    public static String key(String certificateId, CertificateReminder.Due due, LocalDate dueOn, int daysBefore) {
        return certificateId + "|" + due + "|" + dueOn + "|" + daysBefore;
    }
}
