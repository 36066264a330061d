package io.safetyhub.enterprise.disclosure;

import java.time.Instant;

/**
 * A disclosure with the enterprise it belongs to and when it was last written.
 *
 * @param updatedBy user name of the last writer; null in the public view
 */
public record DisclosureView(String enterpriseId, String enterpriseName, String district, Disclosure disclosure,
                             Instant updatedAt, String updatedBy) {
}
