package io.safetyhub.simulator.load;

import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

/**
 * The load's one telemetry payload, built once: {@code {"ts":"2026-11-22T08:00:00.250Z","readings":[{"metric":
 * "gas_lel","value":3.0,"unit":"%LEL"}]}}. Each message is a copy of the template with the time and the value's digit
 * written into their fixed places: no JSON writer and no date formatter per message, which is most of what the
 * generator used to spend. The date part is formatted once per second.
 */
public final class TelemetryTemplate {
    private static final String PREFIX = "{\"ts\":\"";
    private static final String TEMPLATE = PREFIX + "1970-01-01T00:00:00.000Z\",\"readings\":[{\"metric\":\"gas_lel\","
            + "\"value\":0.0,\"unit\":\"%LEL\"}]}";
    /** Where the 24 characters of the time start. */
    static final int TS_AT = PREFIX.length();
    /** Where the value's one digit sits. */
    static final int VALUE_AT = TEMPLATE.indexOf("\"value\":") + "\"value\":".length();

    private final byte[] template = TEMPLATE.getBytes(StandardCharsets.US_ASCII);
    /** {@code yyyy-MM-ddTHH:mm:ss.} of {@link #second}, cached: the date changes once a second at most. */
    private final byte[] secondText = new byte[20];
    private long second = Long.MIN_VALUE;

    /**
     * A fresh payload for source time {@code epochMillis} and value {@code digit} (0-9, %LEL). Not thread-safe: one
     * template per sending thread. Each call returns its own array, since the client keeps it until the PUBACK.
     */
    public byte[] render(long epochMillis, int digit) {
        if (digit < 0 || digit > 9) {
            throw new IllegalArgumentException("value digit must be 0-9, got " + digit);
        }
        byte[] out = template.clone();
        long sec = Math.floorDiv(epochMillis, 1000);
        if (sec != second) {
            String text = LocalDateTime.ofEpochSecond(sec, 0, ZoneOffset.UTC).toString();
            // LocalDateTime prints no seconds at :00 ("…T08:00"): pad to the full width.
            if (text.length() == 16) {
                text += ":00";
            }
            byte[] bytes = (text + ".").getBytes(StandardCharsets.US_ASCII);
            if (bytes.length != secondText.length) {
                throw new IllegalArgumentException("time outside years 0000-9999: " + epochMillis);
            }
            System.arraycopy(bytes, 0, secondText, 0, secondText.length);
            second = sec;
        }
        System.arraycopy(secondText, 0, out, TS_AT, secondText.length);
        int ms = (int) Math.floorMod(epochMillis, 1000);
        out[TS_AT + 20] = (byte) ('0' + ms / 100);
        out[TS_AT + 21] = (byte) ('0' + ms / 10 % 10);
        out[TS_AT + 22] = (byte) ('0' + ms % 10);
        out[VALUE_AT] = (byte) ('0' + digit);
        return out;
    }
}
