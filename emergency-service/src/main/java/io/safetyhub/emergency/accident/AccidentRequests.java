package io.safetyhub.emergency.accident;

import io.safetyhub.platform.rest.PlainText;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.time.Instant;
import java.time.LocalDate;

/** The bodies the accident routes take. Casualty figures are bounded so that a typo cannot swamp the statistics. */
public final class AccidentRequests {
    private AccidentRequests() {
    }

    /**
     * A new accident report.
     *
     * @param enterpriseId an enterprise leaves it out (its own); a regulator names one of its district
     * @param sector       UPPER_SNAKE as the registry spells sectors; defaults to the enterprise's only sector
     * @param reportedAt   when the county-level department received the report (第九条); defaults to now
     */
    public record Report(
            @Size(max = 64) @Pattern(regexp = "[A-Za-z0-9._-]+") String enterpriseId,
            @Size(max = 40) @Pattern(regexp = "[A-Z][A-Z0-9_]*") String sector,
            @NotNull AccidentKind kind,
            @NotNull Instant occurredAt,
            @NotBlank @Size(max = 200) @PlainText String place,
            @Size(max = 4000) @PlainText String summary,
            @NotNull @Min(0) @Max(100_000) Integer deaths,
            @NotNull @Min(0) @Max(100_000) Integer seriousInjuries,
            @NotNull @Min(0) @Max(1_000_000_000_000L) Long directLossYuan,
            Instant reportedAt) {
    }

    /** The report reached the next level (第十条): which level and when. */
    public record LevelUp(@NotNull ReportLevel level, Instant reportedAt) {
    }

    /** 补报: the figures as they now stand (not the difference). */
    public record CasualtyChange(
            @NotNull @Min(0) @Max(100_000) Integer deaths,
            @NotNull @Min(0) @Max(100_000) Integer seriousInjuries,
            @NotNull @Min(0) @Max(1_000_000_000_000L) Long directLossYuan,
            Instant reportedAt,
            @Size(max = 2000) @PlainText String note) {
    }

    /** 事故调查 starts: the investigation team (调查组) and the day it started. */
    public record Investigate(@NotBlank @Size(max = 200) @PlainText String team, LocalDate startedOn) {
    }

    /** 结案: the day and the conclusion (调查报告批复). */
    public record Close(@NotBlank @Size(max = 4000) @PlainText String conclusion, LocalDate closedOn) {
    }
}
