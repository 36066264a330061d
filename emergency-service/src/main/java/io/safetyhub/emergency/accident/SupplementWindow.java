package io.safetyhub.emergency.accident;

import io.safetyhub.emergency.config.EmergencyConfig;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.LocalDate;

/**
 * 国务院令第493号 第十三条: "自事故发生之日起30日内，事故造成的伤亡人数发生变化的，应当及时补报。道路交通事故、火灾事故
 * 自发生之日起7日内". Counted in calendar days from the day of the accident: an accident on 1 March takes changes
 * known up to and including 31 March (8 March for road and fire).
 */
@ApplicationScoped
public class SupplementWindow {
    private final EmergencyConfig.Accidents rules;

    public SupplementWindow(EmergencyConfig config) {
        this.rules = config.accidents();
    }

    /** The last day on which a casualty change of this accident is still reported and re-grades it. */
    public LocalDate lastDay(LocalDate occurredOn, AccidentKind kind) {
        return occurredOn.plusDays(kind.hasShortSupplementWindow() ? rules.roadAndFireSupplementDays() : rules.supplementDays());
    }

    public boolean open(LocalDate occurredOn, AccidentKind kind, LocalDate on) {
        return !on.isAfter(lastDay(occurredOn, kind));
    }
}
