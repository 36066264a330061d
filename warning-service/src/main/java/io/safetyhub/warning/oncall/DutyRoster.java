package io.safetyhub.warning.oncall;

import io.safetyhub.events.DutyRotaChanged;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * emergency-service's duty rota (值班值守, {@code emergency.duty.v1}) as this replica last read it: whom an escalation
 * to a town or a district reaches on the day it happens (issue 23 item 2). Every replica reads the whole compacted
 * topic in a group of its own, like the enterprise directory, so whichever replica escalates knows the rota. Only
 * days from yesterday on are kept (China's calendar): the topic keeps every day's key until emergency-service
 * deletes it, this view does not need the past.
 */
@ApplicationScoped
public class DutyRoster {
    /** The day of a rota is the district's (Asia/Shanghai), whatever the server's zone. */
    static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    private record Key(LocalDate date, String district, String town) {
    }

    private final Map<Key, OnDuty> rota = new ConcurrentHashMap<>();

    /** Applies one rota record; {@code DELETED} or a tombstone ({@link #forget}) removes that day's entry. */
    public void apply(DutyRotaChanged e, Instant now) {
        if (e == null || e.date() == null || e.district() == null) {
            return;
        }
        Key key = new Key(e.date(), e.district(), blankToNull(e.town()));
        if (e.change() == DutyRotaChanged.Change.DELETED) {
            rota.remove(key);
        } else {
            rota.put(key, new OnDuty(e.date(), e.district(), key.town(), e.leader(), e.officers()));
        }
        LocalDate yesterday = LocalDate.ofInstant(now, CHINA).minusDays(1);
        rota.keySet().removeIf(k -> k.date().isBefore(yesterday));
    }

    /** A tombstone: the record key is {@code date/district/town} ({@link DutyRotaChanged#key}). */
    public void forget(String recordKey) {
        String[] parts = recordKey == null ? new String[0] : recordKey.split("/", -1);
        if (parts.length == 3) {
            try {
                rota.remove(new Key(LocalDate.parse(parts[0]), parts[1], blankToNull(parts[2])));
            } catch (java.time.format.DateTimeParseException unreadable) {
                // not a rota key: nothing of ours to forget
            }
        }
    }

    /**
     * Who is on duty for an alarm escalated to {@code audience} at {@code at}: the town's rota for TOWN_REGULATOR (none
     * when the enterprise's town is unknown or has no rota that day), the district's own for DISTRICT_REGULATOR,
     * nobody for ENTERPRISE.
     */
    public Optional<OnDuty> onDuty(String audience, String district, String town, Instant at) {
        if (district == null || at == null) {
            return Optional.empty();
        }
        LocalDate day = LocalDate.ofInstant(at, CHINA);
        return switch (audience) {
            case "TOWN_REGULATOR" -> town == null ? Optional.empty()
                    : Optional.ofNullable(rota.get(new Key(day, district, town)));
            case "DISTRICT_REGULATOR" -> Optional.ofNullable(rota.get(new Key(day, district, null)));
            default -> Optional.empty();
        };
    }

    /** Entries held (for the metric and the tests). */
    public int size() {
        return rota.size();
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
