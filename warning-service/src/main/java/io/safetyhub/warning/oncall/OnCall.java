package io.safetyhub.warning.oncall;

import io.safetyhub.warning.enterprise.EnterpriseDirectory;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.Optional;

/**
 * The duty rota applied to an alarm: the enterprise's district and town from the directory (cached there, so an
 * escalation costs no query in the common case), then that day's rota of the town or the district.
 */
@ApplicationScoped
public class OnCall implements DutyLookup {
    private final EnterpriseDirectory enterprises;
    private final DutyRoster roster;

    public OnCall(EnterpriseDirectory enterprises, DutyRoster roster) {
        this.enterprises = enterprises;
        this.roster = roster;
    }

    @Override
    public Optional<OnDuty> onDuty(String audience, String enterpriseId, Instant at) {
        EnterpriseDirectory.Place place = enterprises.placeOf(enterpriseId);
        return roster.onDuty(audience, place.district(), place.town(), at);
    }
}
