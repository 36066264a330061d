package io.safetyhub.enterprise.enterprise;

/**
 * What a list query may return, the caller's tenant scope already folded in. Null means "any".
 *
 * @param scope     tenant scope and the enterprise / district / town asked for
 * @param sector    only enterprises in this sector
 * @param nameQuery only names containing this text (case-insensitive)
 */
public record EnterpriseFilter(TenantScope scope, Sector sector, RiskColour riskColour, EnterpriseStatus status,
                               String nameQuery) {
}
