package io.safetyhub.events;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * A checklist item an on-site inspection (现场检查) found failed, from enforcement-service once both inspectors
 * have signed the inspection off. enterprise-service turns it into a hazard with source REGULATOR_INSPECTION, the
 * grade and the rectification deadline the inspector set. {@code findingId} is the idempotency key: a finding is
 * published again (same {@code findingId}, same {@code eventId}, derived from it) when Kafka did not acknowledge
 * the first send, so a consumer must open nothing twice for one {@code findingId}.
 *
 * @param findingId    stable id of the finding, {@code <inspectionId>.<itemCode>}; the idempotency key
 * @param inspectionId the inspection that found it
 * @param sector       the checklist's sector, UPPER_SNAKE as in the registry (HAZARDOUS_CHEMICALS, CONSTRUCTION, TOWN_GAS…)
 * @param itemCode     the checklist item's code, e.g. {@code HC-MH-05}
 * @param item         the item as the checklist words it
 * @param legalBasis   the rule the item checks, e.g. 《化工和危险化学品生产经营单位重大生产安全事故隐患判定标准（试行）》第五条
 * @param note         what the inspector saw
 * @param grade        GENERAL (一般隐患) or MAJOR (重大事故隐患)
 * @param deadline     rectification deadline the inspector set (a day in Asia/Shanghai)
 * @param inspectedOn  the day of the inspection
 * @param inspectors   the inspectors' names with their badge numbers (执法证号)
 * @param link         path of the inspection in enforcement-service, for a link back
 */
public record InspectionFinding(
        UUID eventId,
        Instant occurredAt,
        String source,
        String findingId,
        String inspectionId,
        String enterpriseId,
        String enterpriseName,
        String district,
        String town,
        String sector,
        String itemCode,
        String item,
        String legalBasis,
        String note,
        Grade grade,
        LocalDate deadline,
        LocalDate inspectedOn,
        List<String> inspectors,
        String link) {

    /** Hazard grade, as enterprise-service grades hazards. */
    public enum Grade { GENERAL, MAJOR }
}
