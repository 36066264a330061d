package io.safetyhub.enterprise.riskcolour;

import io.safetyhub.enterprise.audit.AuditEntry;
import io.safetyhub.enterprise.enterprise.RiskColour;

import java.util.List;

/**
 * An enterprise's colour and why.
 *
 * @param colour   the colour in force (on the registry entry and on {@code enterprise.registry.v1})
 * @param computed the worst colour among its risk points, null when it has none
 * @param override the regulator's override in force, null when none
 * @param history  every override set or lifted: who, role, when, from, to, reason
 * @param assessment the 100-point assessment in force (hazardous-chemical enterprises), null when none
 */
public record RiskColourView(String enterpriseId, RiskColour colour, ColourBasis basis, RiskColour computed,
                             int riskPoints, RiskColour override, List<AuditEntry> history, Assessment assessment) {

    /** The latest assessment of the 2018 guide: its day, score and colour. */
    public record Assessment(String id, java.time.LocalDate assessedOn, java.math.BigDecimal score, RiskColour colour) {
    }
}
