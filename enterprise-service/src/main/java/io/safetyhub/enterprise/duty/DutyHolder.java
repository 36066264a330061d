package io.safetyhub.enterprise.duty;

import java.time.Instant;
import java.time.LocalDate;

/**
 * One 包保责任人 as stored.
 *
 * @param since the day the role was first given a holder (kept when the holder is replaced): the periods owed begin
 *              with the first one starting on or after it
 */
public record DutyHolder(String name, String position, String phone, LocalDate since, String assignedBy,
                         Instant assignedAt) {
}
