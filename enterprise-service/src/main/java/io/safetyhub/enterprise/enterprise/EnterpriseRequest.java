package io.safetyhub.enterprise.enterprise;

import io.safetyhub.platform.rest.PlainText;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.time.LocalDate;
import java.util.List;

/**
 * A registry entry as written over REST (create, or replace on update). The status is not part of it:
 * only a regulator moves it, through its own audited endpoint. {@code id} is required on create and
 * ignored on update (the path names the entry). Every text is bounded and free of control characters;
 * an enterprise editing its own entry cannot change the fields of {@link RegulatorOwnedFields}.
 */
public record EnterpriseRequest(
        @Size(max = 64) @Pattern(regexp = "[a-z0-9][a-z0-9-]{1,63}", message = "2-64 lower-case letters, digits and '-'") String id,
        @NotBlank @Size(max = 100) @PlainText String name,
        @NotBlank @Size(max = 18) @PlainText String uscc,
        @Size(max = 50) @PlainText String legalRepresentative,
        @Size(max = 300) @PlainText String address,
        @NotBlank @Size(max = 50) @PlainText String district,
        @Size(max = 50) @PlainText String town,
        @DecimalMin("-180") @DecimalMax("180") Double longitude,
        @DecimalMin("-90") @DecimalMax("90") Double latitude,
        @NotEmpty @Size(max = 10) List<@NotNull Sector> sectors,
        RiskColour riskColour,
        StandardisationGrade standardisationGrade,
        @Valid Insurance insurance) {

    /**
     * Liability insurance (安全生产责任保险).
     *
     * @param expiresOn last day of cover, within {@code enterprise.date-horizon} of today either way
     */
    public record Insurance(@NotBlank @Size(max = 64) @PlainText String policyNumber, LocalDate expiresOn) {
    }
}
