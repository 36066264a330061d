package io.safetyhub.warning.oncall;

import java.time.Instant;
import java.util.Optional;

/** Who is on duty for an alarm of this enterprise escalated to this audience at this time ({@link OnCall}). */
@FunctionalInterface
public interface DutyLookup {
    /** Nobody: the configured recipient groups only (plain unit tests of one class). */
    DutyLookup NONE = (audience, enterpriseId, at) -> Optional.empty();

    Optional<OnDuty> onDuty(String audience, String enterpriseId, Instant at);
}
