package io.safetyhub.enforcement.penalty;

import io.safetyhub.platform.rest.PlainText;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.time.LocalDate;
import java.util.List;

/** The bodies of the penalty-case routes, one per step. */
public final class CaseRequests {
    private CaseRequests() {
    }

    /** 立案: against an enterprise, under a catalogue entry, optionally from an inspection and its findings. */
    public record File(@NotBlank @Size(max = 64) String enterpriseId,
                       @Size(max = 200) String inspectionId,
                       @Size(max = 50) List<@NotBlank @Size(max = 200) String> findingIds,
                       @NotBlank @Size(max = 40) String violationCode,
                       @NotBlank @Size(max = 5000) @PlainText String facts,
                       @Size(max = 50) @PlainText String party) {
    }

    /** 告知: the fine the party is told of, and may answer (陈述、申辩). */
    public record Notice(@NotNull @Min(1) @Max(100_000_000) Long proposedAmount,
                         @Size(max = 2000) @PlainText String note) {
    }

    /** 法制审核 opinion. */
    public record Review(@NotNull Boolean approved, @NotBlank @Size(max = 2000) @PlainText String opinion) {
    }

    /** 决定: the decision number (文号, unique in the district and year) and the fine. */
    public record Decide(@NotBlank @Size(max = 60) @PlainText String decisionNumber,
                         @NotNull @Min(1) @Max(100_000_000) Long amount,
                         LocalDate decidedOn) {
    }

    /** 执行: the fine paid. */
    public record Execute(@NotNull LocalDate paidOn, @NotBlank @Size(max = 60) @PlainText String receiptNumber,
                          @Size(max = 2000) @PlainText String note) {
    }

    /** 结案 or 撤销: why. */
    public record Reason(@NotBlank @Size(max = 2000) @PlainText String reason) {
    }
}
