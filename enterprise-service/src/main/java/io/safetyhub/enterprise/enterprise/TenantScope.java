package io.safetyhub.enterprise.enterprise;

import io.safetyhub.platform.Caller;

/**
 * The part of a list query that the caller's tenant scope decides: what the caller asked for, narrowed by
 * {@link Caller#confinedEnterprise()}, {@link Caller#confinedDistrict()} and {@link Caller#confinedTown()}, so that a
 * list never shows what {@link Caller#sees(String, String, String, String)} would refuse one by one. Asking for
 * another tenant's enterprise or district gives an empty list, not an error that would confirm it exists.
 * Enterprises carry no grid (网格), so a grid-confined caller sees none, as {@code Caller.sees} says.
 *
 * @param enterpriseId only this enterprise, or null for any
 * @param district     only this district, or null for any
 * @param town         only this town (镇街), or null for any
 * @param empty        nothing at all may be shown
 */
public record TenantScope(String enterpriseId, String district, String town, boolean empty) {

    /** No narrowing at all: the scheduled checks, which act for the platform rather than for a caller. */
    public static TenantScope everything() {
        return new TenantScope(null, null, null, false);
    }

    /** The caller's scope narrowed further by the filters it asked for (each may be null). */
    public static TenantScope of(Caller caller, String askedEnterprise, String askedDistrict, String askedTown) {
        Narrowed enterprise = narrow(caller.confinedEnterprise(), askedEnterprise);
        Narrowed district = narrow(caller.confinedDistrict(), askedDistrict);
        Narrowed town = narrow(caller.confinedTown(), askedTown);
        boolean empty = enterprise.conflict() || district.conflict() || town.conflict() || caller.confinedGrid() != null;
        return new TenantScope(enterprise.value(), district.value(), town.value(), empty);
    }

    private record Narrowed(String value, boolean conflict) {
    }

    private static Narrowed narrow(String confined, String asked) {
        if (confined == null) {
            return new Narrowed(asked, false);
        }
        return new Narrowed(confined, asked != null && !asked.equals(confined));
    }
}
