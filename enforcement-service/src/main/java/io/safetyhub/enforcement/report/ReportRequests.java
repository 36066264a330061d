package io.safetyhub.enforcement.report;

import io.safetyhub.platform.rest.PlainText;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.util.List;

/** The bodies of the report routes: the public's filing and additions, the handlers' steps. */
public final class ReportRequests {
    private ReportRequests() {
    }

    /**
     * A report from anyone: about a registered enterprise ({@code enterpriseId}) or a free description and place
     * (then {@code district} is needed); {@code reporter} absent for an anonymous report; {@code internal} for an
     * enterprise's own staff (内部举报).
     */
    public record Filing(@NotBlank @Size(max = 4000) @PlainText String text,
                         @NotNull ReportCategory category,
                         @Size(max = 64) String enterpriseId,
                         @Size(max = 200) @PlainText String enterpriseName,
                         @Size(max = 300) @PlainText String place,
                         @Size(max = 40) @PlainText String district,
                         Boolean internal,
                         @Valid ReporterDetails reporter,
                         @Size(max = 10) List<@Valid @NotNull Photo> photos) {
    }

    /** Who reported; sealed at once, never stored or logged in clear. */
    public record ReporterDetails(@Size(max = 50) @PlainText String name,
                                  @Pattern(regexp = "^\\+?[0-9-]{5,20}$", message = "must be a phone number") String phone,
                                  @Pattern(regexp = "^[0-9]{17}[0-9Xx]$", message = "must be an 18-character identity number") String idNumber,
                                  @Size(max = 200) @PlainText String contact) {
    }

    /** A photo as Base64 of its bytes; its type is judged from the bytes, never from the name. */
    public record Photo(@Size(max = 200) @PlainText String name, @NotBlank String content) {
    }

    /** More information from the reporter, through the tracking code and secret. */
    public record Addition(@NotBlank @Size(max = 4000) @PlainText String text,
                           @Size(max = 10) List<@Valid @NotNull Photo> photos) {
    }

    /** 受理 or 不予受理; a report without an enterprise may be tied to one here. */
    public record Triage(@NotNull Boolean accept, @NotBlank @Size(max = 2000) @PlainText String note,
                         @Size(max = 64) String enterpriseId) {
    }

    /** The inspection that verifies the report (核查). */
    public record Verification(@NotBlank @Size(max = 200) String inspectionId) {
    }

    /** An inspection opened from the report: its team (the handler's choice) and, for an enterprise of several, the sector. */
    public record OpenInspection(@NotNull @Size(min = 1, max = 10) List<@NotBlank @Size(max = 100) String> inspectorIds,
                                 @Size(max = 40) String sector) {
    }

    /** 属实 or 不属实. */
    public record Outcome(@NotNull Boolean founded, @NotBlank @Size(max = 2000) @PlainText String note) {
    }

    /** The reward's basis: a decided penalty case, or the concealed accident's grade and deaths. */
    public record RewardBasis(@Size(max = 200) String caseId,
                              RewardRules.AccidentGrade accidentGrade,
                              @Min(1) @Max(1000) Integer concealedDeaths) {
    }
}
