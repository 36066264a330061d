package io.safetyhub.enterprise.audit;

import java.time.Instant;

/**
 * One state change as kept for the record (who did what, when, from which state to which, and why).
 *
 * @param who  the caller's user name ({@code preferred_username})
 * @param role the role the caller acted in: enterprise, regulator or operator
 * @param from state before, null for the first entry
 * @param to   state after
 * @param note evidence or reason given by the caller, may be null
 */
public record AuditEntry(String who, String role, Instant at, String from, String to, String note) {
}
