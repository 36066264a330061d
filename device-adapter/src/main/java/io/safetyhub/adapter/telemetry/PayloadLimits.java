package io.safetyhub.adapter.telemetry;

import io.safetyhub.adapter.config.AdapterConfig;

import java.time.Duration;
import java.time.Instant;

/**
 * What a device payload may claim, whatever its firmware says (issue 15): a time at most {@code maxFutureSkew} ahead
 * of the adapter's clock, and at most {@code maxReadings} readings in one message.
 *
 * <p>Why the time: the warning engine keeps a per-device, per-rule watermark of the newest reading; one reading dated
 * 2099 would move it so far ahead that every real reading after it is "old" and ignored, switching the device's rules
 * off until 2099 (and a device whose clock runs ahead does the same by accident). Why the count: one 1 MB message of
 * tiny entries became 19,000 Kafka records; a device reports a handful of metrics per message.
 */
public record PayloadLimits(Duration maxFutureSkew, int maxReadings) {
    public static final PayloadLimits DEFAULTS = new PayloadLimits(Duration.ofMinutes(5), 100);

    public PayloadLimits {
        if (maxFutureSkew.isNegative()) {
            throw new IllegalArgumentException("adapter.payload.max-future-skew must not be negative: " + maxFutureSkew);
        }
        if (maxReadings < 1) {
            throw new IllegalArgumentException("adapter.payload.max-readings must be at least 1: " + maxReadings);
        }
    }

    public static PayloadLimits of(AdapterConfig config) {
        return new PayloadLimits(config.payload().maxFutureSkew(), config.payload().maxReadings());
    }

    /** Refuses a time further ahead of the adapter's clock (the time the message arrived) than the skew allows. */
    void checkTimestamp(String field, Instant ts, Instant receivedAt) throws RejectedPayload {
        if (ts.isAfter(receivedAt.plus(maxFutureSkew))) {
            throw new RejectedPayload(DeadLetterReason.FUTURE_TIMESTAMP, field + " " + ts + " is "
                    + Duration.between(receivedAt, ts).toSeconds() + " s ahead of the adapter's clock (" + receivedAt
                    + "; adapter.payload.max-future-skew " + maxFutureSkew + "): check the device's clock");
        }
    }

    void checkReadingCount(int count) throws RejectedPayload {
        if (count > maxReadings) {
            throw new RejectedPayload(DeadLetterReason.TOO_MANY_READINGS, "readings has " + count
                    + " entries, at most " + maxReadings + " per message (adapter.payload.max-readings)");
        }
    }
}
