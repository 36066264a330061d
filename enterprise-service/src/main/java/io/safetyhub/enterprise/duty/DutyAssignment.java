package io.safetyhub.enterprise.duty;

import java.util.EnumMap;
import java.util.Map;

/**
 * The 包保责任人 of one installation ({@code duty_holders}, {@code _id} = installation id), with the enterprise's
 * district and town copied in for the scheduler and regulator lists.
 */
public record DutyAssignment(String installationId, String enterpriseId, String district, String town,
                             Map<DutyRole, DutyHolder> holders) {

    public DutyAssignment {
        holders = holders.isEmpty() ? Map.of() : Map.copyOf(new EnumMap<>(holders));
    }

    public DutyHolder holder(DutyRole role) {
        return holders.get(role);
    }
}
