package io.safetyhub.emergency.duty;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * One day's duty (值班值守) of a district, or of one town of it ({@code town} null for the district's own rota).
 * Stored in {@code duty} under the topic key; {@code published} turns true once Kafka acknowledged the current
 * state, and a {@code removed} entry stays until its DELETED event and tombstone are acknowledged.
 */
public record DutyRota(String id, LocalDate date, String district, String town, Officer leader, List<Officer> officers,
                       Instant updatedAt, String updatedBy, boolean published, boolean removed) {

    public DutyRota {
        officers = officers == null ? List.of() : List.copyOf(officers);
    }

    /** Someone on duty: name, the phone that reaches them, post. */
    public record Officer(String name, String phone, String post) {
    }

    public DutyRota withPublished(boolean now) {
        return new DutyRota(id, date, district, town, leader, officers, updatedAt, updatedBy, now, removed);
    }
}
