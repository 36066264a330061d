package io.safetyhub.enterprise.enterprise;

import java.util.Set;

/**
 * What a list query may return, the caller's tenant scope already folded in.
 *
 * @param enterpriseId only this enterprise, or null for any
 * @param districts    only these districts (empty = none at all), or null for any
 * @param sector       only enterprises in this sector, or null for any
 */
public record EnterpriseFilter(String enterpriseId, Set<String> districts, Sector sector) {
}
