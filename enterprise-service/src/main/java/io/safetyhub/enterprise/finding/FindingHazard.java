package io.safetyhub.enterprise.finding;

import io.safetyhub.enterprise.audit.AuditEntry;
import io.safetyhub.enterprise.enterprise.Enterprise;
import io.safetyhub.enterprise.enterprise.Sector;
import io.safetyhub.enterprise.hazard.Hazard;
import io.safetyhub.enterprise.hazard.HazardGrade;
import io.safetyhub.enterprise.hazard.HazardSource;
import io.safetyhub.enterprise.hazard.HazardStatus;
import io.safetyhub.events.InspectionFinding;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * How a regulator's finding (执法检查发现的问题) becomes a hazard: a pure function of the finding, the registry entry
 * and the default responsible person, so that it is tested without Kafka or MongoDB. The hazard id is derived from
 * {@code findingId}, the finding's idempotency key: a replayed finding maps to the same id, and the store's unique
 * {@code _id} refuses the second insert, so nothing is opened twice even by two consumers at once.
 */
public final class FindingHazard {
    /** Who the audit trail names for a hazard opened from a finding (the inspectors are in the note). */
    public static final String OPENED_BY = "enforcement-service";

    private FindingHazard() {
    }

    /** The hazard id of a finding: stable, opaque, and of the same shape as any other hazard id. */
    public static String hazardId(String findingId) {
        return "hz-" + UUID.nameUUIDFromBytes(("inspection-finding:" + findingId).getBytes(StandardCharsets.UTF_8));
    }

    /** Why a finding cannot become a hazard, or empty when it can. */
    public static Optional<String> defect(InspectionFinding f) {
        List<String> missing = new ArrayList<>();
        if (blank(f.findingId())) {
            missing.add("findingId");
        }
        if (blank(f.enterpriseId())) {
            missing.add("enterpriseId");
        }
        if (f.deadline() == null) {
            missing.add("deadline");
        }
        if (blank(f.item()) && blank(f.itemCode())) {
            missing.add("item");
        }
        return missing.isEmpty() ? Optional.empty() : Optional.of("missing " + String.join(", ", missing));
    }

    /**
     * The hazard: REGULATOR_INSPECTION, the inspector's grade (MAJOR when the finding says so, else GENERAL) and
     * deadline, the district and town the registry knows (the finding's when the registry has no entry), the
     * checklist's sector (else the enterprise's first), and a description that carries the item, what was seen,
     * the legal basis and the link back to the inspection.
     */
    public static Hazard of(InspectionFinding f, Enterprise enterprise, String responsiblePerson, Instant now) {
        String district = enterprise != null ? enterprise.district() : f.district();
        String town = enterprise != null ? enterprise.town() : f.town();
        HazardGrade grade = f.grade() == InspectionFinding.Grade.MAJOR ? HazardGrade.MAJOR : HazardGrade.GENERAL;
        AuditEntry opened = new AuditEntry(OPENED_BY, "regulator", now, null, HazardStatus.REPORTED.name(),
                HazardSource.REGULATOR_INSPECTION.name() + " finding " + f.findingId()
                        + inspectors(f.inspectors()) + " " + f.link());
        return new Hazard(hazardId(f.findingId()), f.enterpriseId(), district, town, HazardSource.REGULATOR_INSPECTION,
                grade, sector(f.sector(), enterprise), clip(description(f), 2000), clip(responsiblePerson, 50),
                clip(measures(f), 2000), null, f.deadline(), HazardStatus.REPORTED, now, now, List.of(opened));
    }

    static String description(InspectionFinding f) {
        StringBuilder text = new StringBuilder();
        if (!blank(f.itemCode())) {
            text.append('[').append(f.itemCode()).append("] ");
        }
        text.append(blank(f.item()) ? "" : f.item());
        if (!blank(f.note())) {
            text.append(" — ").append(f.note());
        }
        LocalDate on = f.inspectedOn();
        text.append(" (执法检查 ").append(f.inspectionId());
        if (on != null) {
            text.append(", ").append(on);
        }
        text.append(blank(f.link()) ? "" : ", " + f.link()).append(')');
        return text.toString();
    }

    static String measures(InspectionFinding f) {
        return "按执法检查要求于 " + f.deadline() + " 前整改"
                + (blank(f.legalBasis()) ? "" : "；依据：" + f.legalBasis());
    }

    /** The checklist's sector as the registry names sectors; an unknown one falls back to the enterprise's. */
    static Sector sector(String name, Enterprise enterprise) {
        if (!blank(name)) {
            try {
                return Sector.valueOf(name.trim());
            } catch (IllegalArgumentException unknown) {
                // fall through to the registry's
            }
        }
        if (enterprise != null && !enterprise.sectors().isEmpty()) {
            return enterprise.sectors().get(0);
        }
        return Sector.INDUSTRY_TRADE;
    }

    private static String inspectors(List<String> names) {
        return names == null || names.isEmpty() ? "" : " by " + String.join(", ", names);
    }

    private static String clip(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
