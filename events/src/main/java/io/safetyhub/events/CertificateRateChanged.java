package io.safetyhub.events;

import java.time.Instant;
import java.util.UUID;

/**
 * An enterprise's certificate rate of the three posts (三项岗位持证率: principal, safety manager, special-operation
 * workers holding a valid certificate; 安全生产法 第二十七条、第三十条) changed. Published by training-service on a
 * compacted topic keyed by enterpriseId, so the topic always holds each enterprise's latest rate; {@code asOf} orders
 * two rates of one enterprise (a consumer keeps the later one).
 *
 * @param held     people in the three posts holding a valid certificate for the post
 * @param required people employed in the three posts
 * @param rate     held / required in percent, one decimal; null when nobody is required
 * @param asOf     when training-service computed it
 */
public record CertificateRateChanged(
        UUID eventId,
        Instant occurredAt,
        String source,
        String enterpriseId,
        String enterpriseName,
        String district,
        long held,
        long required,
        Double rate,
        Instant asOf) {
}
