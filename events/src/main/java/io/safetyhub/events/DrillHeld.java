package io.safetyhub.events;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * An enterprise's emergency drill (应急演练) was held or evaluated (生产安全事故应急预案管理办法, 应急管理部令第2号,
 * 第三十三条: a comprehensive or special drill at least once a year, an on-site disposal drill every six months in the
 * high-risk sectors). Published by emergency-service on each of the two steps; {@code drillId} is the consumers'
 * idempotency key (the evaluation of a drill already counted adds nothing).
 *
 * @param scope   COMPREHENSIVE, SPECIAL or ON_SITE: the kind of plan drilled
 * @param form    TABLETOP or LIVE
 * @param status  HELD or EVALUATED
 * @param heldOn  the day it was held, in the platform's zone
 */
public record DrillHeld(
        UUID eventId,
        Instant occurredAt,
        String source,
        String drillId,
        String enterpriseId,
        String enterpriseName,
        String district,
        String town,
        String title,
        String scope,
        String form,
        Status status,
        LocalDate heldOn,
        LocalDate evaluatedOn) {

    public enum Status { HELD, EVALUATED }
}
