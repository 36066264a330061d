package io.safetyhub.enterprise.enterprise;

import java.util.Set;

/**
 * What a list query may return, the caller's tenant scope already folded in. Null means "any".
 *
 * @param enterpriseId only this enterprise
 * @param districts    only these districts (empty = none at all)
 * @param sector       only enterprises in this sector
 * @param nameQuery    only names containing this text (case-insensitive)
 */
public record EnterpriseFilter(String enterpriseId, Set<String> districts, Sector sector, String town,
                               RiskColour riskColour, EnterpriseStatus status, String nameQuery) {

    public EnterpriseFilter(String enterpriseId, Set<String> districts, Sector sector) {
        this(enterpriseId, districts, sector, null, null, null, null);
    }
}
