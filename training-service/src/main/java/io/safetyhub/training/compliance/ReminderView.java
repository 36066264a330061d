package io.safetyhub.training.compliance;

import io.safetyhub.events.CertificateReminder;
import io.safetyhub.training.certificate.CertificateKind;

import java.time.LocalDate;

/** A reminder in the list: whose certificate, which date, which threshold, and when it was raised. */
public record ReminderView(String id, String certificateId, CertificateKind kind, String number, String personId,
                           String personName, String enterpriseId, String enterpriseName, String district,
                           CertificateReminder.Due due, LocalDate dueOn, int daysBefore, long daysLeft, LocalDate raisedOn,
                           boolean published) {
}
