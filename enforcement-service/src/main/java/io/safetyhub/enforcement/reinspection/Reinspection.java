package io.safetyhub.enforcement.reinspection;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A re-inspection (整改复查) of an inspection's findings that share one deadline, due on that deadline.
 * <pre>
 * SCHEDULED --deadline reached (job)--> DUE --outcome recorded--> DONE
 * SCHEDULED --outcome recorded early (the enterprise reported it rectified)--> DONE
 * </pre>
 */
public record Reinspection(String id, String inspectionId, String enterpriseId, String enterpriseName, String district,
                           String town, LocalDate dueOn, List<String> findingIds, Status status, List<Outcome> outcomes,
                           String recordedBy, Instant recordedAt) {

    public Reinspection {
        findingIds = List.copyOf(findingIds);
        outcomes = outcomes == null ? List.of() : List.copyOf(outcomes);
    }

    public enum Status { SCHEDULED, DUE, DONE }

    /** What the re-inspection found of one finding. */
    public record Outcome(String findingId, boolean rectified, String note) {
    }
}
