package io.safetyhub.enterprise.enterprise;

import java.time.LocalDate;

/**
 * Work-safety liability insurance (安全生产责任保险) held by an enterprise.
 *
 * @param policyNumber the insurer's policy number
 * @param expiresOn    last day of cover
 */
public record LiabilityInsurance(String policyNumber, LocalDate expiresOn) {
}
