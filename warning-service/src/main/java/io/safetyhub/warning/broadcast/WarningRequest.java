package io.safetyhub.warning.broadcast;

import io.safetyhub.events.AlarmLevel;
import io.safetyhub.platform.rest.PlainText;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.time.Instant;
import java.util.List;

/**
 * A government warning to publish (临灾信息一键发布). {@code colour} is the government warning colour,
 * a field of its own (never reused as an alarm level or risk colour); an empty {@code sectors} means all. Every
 * string and list is bounded (a city has some forty districts and counties; the sector list is short) and free of
 * control characters.
 */
public record WarningRequest(@NotBlank @Size(max = 200) @PlainText String title, @NotNull AlarmLevel colour,
                             @NotBlank @Size(max = 5000) @PlainText String text,
                             @NotEmpty @Size(max = 64) List<@NotBlank @Size(max = 64) @PlainText String> districts,
                             @Size(max = 32) List<@NotBlank @Size(max = 64) @PlainText String> sectors,
                             @NotNull Instant validUntil) {
}
