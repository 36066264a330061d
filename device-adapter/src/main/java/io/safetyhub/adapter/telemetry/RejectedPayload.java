package io.safetyhub.adapter.telemetry;

/** Unwinds parsing of a payload, or of one entry, that cannot be accepted; always caught inside this package. */
final class RejectedPayload extends Exception {
    private static final long serialVersionUID = 1L;
    private final transient Rejection rejection;

    RejectedPayload(DeadLetterReason reason, String detail) {
        // No stack trace: this is an expected outcome of bad device input, not a fault of the adapter.
        super(detail, null, false, false);
        this.rejection = new Rejection(reason, detail);
    }

    Rejection rejection() {
        return rejection;
    }
}
