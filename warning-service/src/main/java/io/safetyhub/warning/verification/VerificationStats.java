package io.safetyhub.warning.verification;

/**
 * Disposal verification figures over the alarms closed in a period (issue 23 item 3).
 *
 * @param closed          closed alarms that needed verification (levels of {@code warning.verification.levels})
 * @param accepted        disposals a regulator accepted
 * @param returnedOnce    disposals returned at least once
 * @param pending         waiting for a regulator now
 * @param acceptedPercent share accepted, in percent (one decimal); null when none closed
 * @param medianMinutes   median time from closing to acceptance; null when none accepted
 * @param p90Minutes      90th percentile of the same
 */
public record VerificationStats(int closed, int accepted, int returnedOnce, int pending, Double acceptedPercent,
                                Long medianMinutes, Long p90Minutes) {
}
