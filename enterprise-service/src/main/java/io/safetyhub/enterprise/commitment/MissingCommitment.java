package io.safetyhub.enterprise.commitment;

import java.time.LocalDate;

/**
 * A hazardous-chemical enterprise without a commitment for {@code date}.
 *
 * @param pastDeadline the configured hour has passed, so this is a warning and not just "not yet"
 */
public record MissingCommitment(String enterpriseId, String name, String district, String town, LocalDate date,
                                boolean pastDeadline) {
}
