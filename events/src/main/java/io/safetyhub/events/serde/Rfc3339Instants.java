package io.safetyhub.events.serde;

import com.ethlo.time.ITU;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.datatype.jsr310.deser.InstantDeserializer;

import java.io.IOException;
import java.time.DateTimeException;
import java.time.Instant;

/**
 * Reads an event's times with ethlo's RFC 3339 parser ({@code ITU}) rather than java.time's formatter, and hands
 * anything it does not accept to Jackson's own {@code InstantDeserializer}, so every time Jackson read is read the
 * same, and what neither accepts fails as before; RFC 3339's space between date and time is accepted besides. Why: every reading carries two times, and profiling warning-service at 10,000 readings/s
 * (issue 16) put 22 % of its CPU in {@code DateTimeFormatter.parse} under {@code InstantDeserializer}.
 */
final class Rfc3339Instants extends StdScalarDeserializer<Instant> {
    private static final long serialVersionUID = 1L;
    /** The shortest RFC 3339 date-time: {@code 2026-12-02T08:00:00Z}. */
    private static final int SHORTEST = 20;

    private final transient JsonDeserializer<Instant> fallback = InstantDeserializer.INSTANT;

    Rfc3339Instants() {
        super(Instant.class);
    }

    @Override
    public Instant deserialize(JsonParser p, DeserializationContext context) throws IOException {
        if (p.hasToken(JsonToken.VALUE_STRING)) {
            String text = p.getText();
            if (text.length() >= SHORTEST) {
                try {
                    return ITU.parseDateTime(text).toInstant();
                } catch (DateTimeException notRfc3339) {
                    // e.g. a leap second or a form only ISO-8601 allows: the standard reader decides.
                }
            }
        }
        return fallback.deserialize(p, context);
    }
}
