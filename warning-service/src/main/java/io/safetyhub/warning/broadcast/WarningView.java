package io.safetyhub.warning.broadcast;

import io.safetyhub.events.AlarmLevel;

import java.time.Instant;
import java.util.List;

/**
 * A published warning with its recipients; {@code unconfirmed} lists who has not confirmed receipt yet.
 * An enterprise sees only its own line in {@code recipients}, a district (or town) regulator the lines of its
 * district (or town), see {@link RecipientScope}.
 */
public record WarningView(String id, String title, AlarmLevel colour, String text, List<String> districts,
                          List<String> sectors, Instant validUntil, String publishedBy, Instant publishedAt,
                          List<Recipient> recipients, List<String> unconfirmed) {

    public record Recipient(String enterpriseId, String name, String district, String town, Instant confirmedAt,
                            String confirmedBy) {
    }
}
