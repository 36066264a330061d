package io.safetyhub.enterprise.enterprise;

import io.safetyhub.platform.rest.PlainText;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * A regulator's order on an enterprise's status (e.g. 停产整顿), kept in the audit trail.
 *
 * @param reason the order or finding behind the change; required because it is the audit's "why"
 */
public record StatusChangeRequest(@NotNull EnterpriseStatus status, @NotBlank @Size(max = 2000) @PlainText String reason) {
}
