package io.safetyhub.training.compliance;

import java.time.Instant;

/**
 * The certificate rate last sent for an enterprise ({@code certificate_rates}, {@code _id} = enterpriseId): the
 * outbox of {@code training.certificate-rates.v1}. Stored before it is sent, marked published on Kafka's
 * acknowledgement; an unacknowledged one is sent again with the same {@code asOf}, which the consumer reads as the
 * same rate.
 */
public record PublishedRate(String id, long held, long required, Double rate, Instant asOf, boolean published) {

    boolean sameCount(CertificateRate current) {
        return held == current.certified() && required == current.required();
    }
}
