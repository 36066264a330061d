package io.safetyhub.warning.oncall;

import io.safetyhub.events.DutyRotaChanged;
import io.safetyhub.platform.Masks;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Who is on duty (值班值守) for one escalation: the officers of that day's rota, in the order they are called, and
 * the leader (带班领导), of the town or the district the alarm escalated to (issue 23 item 2).
 *
 * @param town null for a district's own rota
 */
public record OnDuty(LocalDate date, String district, String town, DutyRotaChanged.Person leader,
                     List<DutyRotaChanged.Person> officers) {
    /** A mainland mobile number: what SMS and a robot's @-mention can reach (a duty room's landline cannot). */
    private static final Pattern MOBILE = Pattern.compile("1[3-9]\\d{9}");

    public OnDuty {
        officers = officers == null ? List.of() : List.copyOf(officers);
    }

    /** The mobiles of the officers, then the leader's; each once. */
    public List<String> mobiles() {
        Set<String> mobiles = new LinkedHashSet<>();
        for (DutyRotaChanged.Person p : people()) {
            String phone = p.phone() == null ? "" : p.phone().replaceAll("[\\s-]", "");
            if (MOBILE.matcher(phone).matches()) {
                mobiles.add(phone);
            }
        }
        return List.copyOf(mobiles);
    }

    /**
     * What the alarm's trail and every notice say, phones masked (the trail is shown to the enterprise too):
     * {@code 南彭街道值班：李明 138****0011；带班：王建国 138****0012}.
     */
    public String summary() {
        StringBuilder text = new StringBuilder(town == null ? district : town).append("值班：");
        List<String> names = new ArrayList<>();
        officers.forEach(o -> names.add(person(o)));
        text.append(names.isEmpty() ? "—" : String.join("、", names));
        if (leader != null) {
            text.append("；带班：").append(person(leader));
        }
        return text.toString();
    }

    private List<DutyRotaChanged.Person> people() {
        List<DutyRotaChanged.Person> people = new ArrayList<>(officers);
        if (leader != null) {
            people.add(leader);
        }
        return people;
    }

    private static String person(DutyRotaChanged.Person p) {
        return p.phone() == null || p.phone().isBlank() ? p.name() : p.name() + " " + Masks.phone(p.phone());
    }
}
