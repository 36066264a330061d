package io.safetyhub.enterprise.duty;

import java.time.Instant;
import java.time.LocalDate;

/** A duty check as recorded ({@code duty_checks}): by the role's holder, on a day, with findings. */
public record DutyCheck(String id, String installationId, String enterpriseId, String district, String town,
                        DutyRole role, String personName, LocalDate date, String findings, DutyOutcome outcome,
                        String recordedBy, Instant recordedAt) {
}
