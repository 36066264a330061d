package io.safetyhub.adapter.telemetry;

/** One thing the adapter could not accept: a whole payload, or one entry of a telemetry payload. */
public record Rejection(DeadLetterReason reason, String detail) {
}
