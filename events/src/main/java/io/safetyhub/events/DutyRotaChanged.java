package io.safetyhub.events;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * Who is on duty (值班值守) on one day for a district, or for one town (镇街) of it, as emergency-service's rota now
 * stands; published on every change to a compacted topic keyed {@code date/district/town} (town empty for the
 * district's own rota), so that warning-service's escalation can reach today's duty officer and leader.
 * {@code change == DELETED} is followed by a tombstone.
 *
 * @param town     the town, or null for the district's own rota
 * @param leader   带班领导
 * @param officers 值班人员, in the order they are called
 */
public record DutyRotaChanged(
        UUID eventId,
        Instant occurredAt,
        String source,
        Change change,
        LocalDate date,
        String district,
        String town,
        Person leader,
        List<Person> officers) {

    public enum Change { SET, DELETED }

    /** A name and the phone number that reaches them while on duty. */
    public record Person(String name, String phone, String post) {
    }

    /** The record key: {@code 2026-12-02/巴南区/} for a district, {@code 2026-12-02/巴南区/南泉街道} for a town. */
    public static String key(LocalDate date, String district, String town) {
        return date + "/" + district + "/" + (town == null ? "" : town);
    }
}
