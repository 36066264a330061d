package io.safetyhub.warning.broadcast;

import io.safetyhub.events.AlarmLevel;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.time.Instant;
import java.util.List;

/**
 * A government warning to publish (临灾信息一键发布). {@code colour} is the government warning colour,
 * a field of its own (never reused as an alarm level or risk colour); an empty {@code sectors} means all.
 */
public record WarningRequest(@NotBlank @Size(max = 200) String title, @NotNull AlarmLevel colour,
                             @NotBlank @Size(max = 5000) String text, @NotEmpty List<@NotBlank String> districts,
                             List<@NotBlank String> sectors, @NotNull Instant validUntil) {
}
