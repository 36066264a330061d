package io.safetyhub.training.certificate;

/** Computed on every read from the dates and the day of the call; never stored. */
public enum CertificateStatus {
    VALID,
    /** Within the configured window (default 90 days) of expiry or of the next review. */
    EXPIRING,
    /** Past its expiry, or past a review that was not done (总局令30号: 逾期未复审的, 操作证失效). */
    EXPIRED,
    REVOKED;

    /** VALID and EXPIRING still allow the holder to work in the post. */
    public boolean usable() {
        return this == VALID || this == EXPIRING;
    }
}
