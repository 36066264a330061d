package io.safetyhub.enforcement.penalty;

import io.safetyhub.platform.rest.PlainText;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.time.LocalDate;
import java.util.List;

/** The bodies of the penalty-case routes: filing, and each step as a {@link Transition}. */
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

    /**
     * One step of the case: the state it moves to and the fields that step takes (the others are ignored).
     * NOTIFIED {@code proposedAmount, note?}; REVIEWED {@code approved, opinion} (not approved: the case stays
     * NOTIFIED with the opinion on record); DECIDED {@code decisionNumber, amount, decidedOn?}; EXECUTED
     * {@code paidOn, receiptNumber, note?}; CLOSED and REVOKED {@code reason}. A missing or invalid field is 400
     * naming it; a move the state does not allow is 409 {@code INVALID_TRANSITION}.
     */
    public record Transition(@NotNull CaseStatus to,
                             Long proposedAmount,
                             Boolean approved,
                             String opinion,
                             String decisionNumber,
                             Long amount,
                             LocalDate decidedOn,
                             LocalDate paidOn,
                             String receiptNumber,
                             String note,
                             String reason) {
    }
}
