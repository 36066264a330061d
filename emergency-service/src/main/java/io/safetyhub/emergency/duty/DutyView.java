package io.safetyhub.emergency.duty;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** A day's rota as answered; {@code published} says whether Kafka has acknowledged this state yet. */
public record DutyView(String id, LocalDate date, String district, String town, DutyRota.Officer leader,
                       List<DutyRota.Officer> officers, Instant updatedAt, String updatedBy, boolean published) {

    static DutyView of(DutyRota r, boolean published) {
        return new DutyView(r.id(), r.date(), r.district(), r.town(), r.leader(), r.officers(), r.updatedAt(), r.updatedBy(),
                published);
    }

    static DutyView of(DutyRota r) {
        return of(r, r.published());
    }
}
