package io.safetyhub.adapter.opcua;

import io.safetyhub.adapter.units.CanonicalUnits;
import io.safetyhub.events.Quality;
import io.safetyhub.events.Reading;
import org.eclipse.milo.opcua.stack.core.types.builtin.DataValue;
import org.eclipse.milo.opcua.stack.core.types.builtin.DateTime;
import org.eclipse.milo.opcua.stack.core.types.builtin.StatusCode;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/** One OPC UA value change as a reading in the canonical unit, or the reason it cannot be one. */
final class OpcUaValues {

    /** Either a reading or a refusal detail (the value is not a finite number, or its unit does not convert). */
    record Outcome(Reading reading, String refusal) {
    }

    private OpcUaValues() {
    }

    /** Good / Uncertain / Bad severity of the status code; a missing status is Good (OPC UA Part 4). */
    static Quality quality(StatusCode status) {
        if (status == null || status.isGood()) {
            return Quality.GOOD;
        }
        return status.isUncertain() ? Quality.UNCERTAIN : Quality.BAD;
    }

    static Outcome toReading(Binding binding, DataValue value, Instant receivedAt, String source) {
        Object raw = value.getValue() == null ? null : value.getValue().getValue();
        if (!(raw instanceof Number number)) {
            return new Outcome(null, binding.metric() + " from " + binding.nodeId().toParseableString()
                    + " is not a number: " + raw + " (status " + value.getStatusCode() + ")");
        }
        double v = number.doubleValue();
        Optional<CanonicalUnits.Converted> converted = CanonicalUnits.convert(binding.metric(), binding.unit(), v);
        if (converted.isEmpty() || !Double.isFinite(converted.get().value())) {
            return new Outcome(null, binding.metric() + " from " + binding.nodeId().toParseableString() + ": " + v
                    + " " + binding.unit() + " is not a finite value in a canonical unit");
        }
        Instant sourceTime = time(value.getSourceTime()).or(() -> time(value.getServerTime())).orElse(receivedAt);
        String seed = binding.device().enterpriseId() + "|" + binding.device().id() + "|" + binding.metric() + "|"
                + sourceTime.toEpochMilli();
        UUID eventId = UUID.nameUUIDFromBytes(seed.getBytes(StandardCharsets.UTF_8));
        return new Outcome(new Reading(eventId, receivedAt, source, binding.device().id(),
                binding.device().enterpriseId(), binding.device().kind().topicName(),
                binding.device().hazardSourceId(), binding.metric(), converted.get().value(), converted.get().unit(),
                null, sourceTime, receivedAt, quality(value.getStatusCode())), null);
    }

    private static Optional<Instant> time(DateTime time) {
        return time == null || time.isNull() ? Optional.empty() : Optional.of(time.getJavaInstant());
    }
}
