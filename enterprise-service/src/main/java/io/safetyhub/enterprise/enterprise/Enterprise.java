package io.safetyhub.enterprise.enterprise;

import java.time.Instant;
import java.util.List;

/**
 * An enterprise of the registry (企业) as stored in MongoDB ({@code enterprises}, {@code _id} = id). Never
 * sent over REST: {@link EnterpriseMapper} turns it into an {@link EnterpriseView} or an event.
 *
 * @param id                   stable registry id, e.g. {@code chem-banan-01}
 * @param uscc                 unified social credit code (统一社会信用代码), checked by {@link Uscc}
 * @param district             district (区) the enterprise is supervised by (属地)
 * @param town                 town or sub-district (镇/街道)
 * @param longitude            WGS-84 longitude, may be null when not surveyed
 * @param latitude             WGS-84 latitude, may be null when not surveyed
 * @param insurance            liability insurance, null when the enterprise holds none
 */
public record Enterprise(String id, String name, String uscc, String legalRepresentative, String address,
                         String district, String town, Double longitude, Double latitude, List<Sector> sectors,
                         RiskColour riskColour, StandardisationGrade standardisationGrade,
                         LiabilityInsurance insurance, EnterpriseStatus status, Instant createdAt, Instant updatedAt) {

    public Enterprise {
        sectors = sectors == null ? List.of() : List.copyOf(sectors);
    }

    /** The same registry entry with new bookkeeping times. */
    public Enterprise stamped(Instant created, Instant updated) {
        return new Enterprise(id, name, uscc, legalRepresentative, address, district, town, longitude, latitude,
                sectors, riskColour, standardisationGrade, insurance, status, created, updated);
    }

    /** The same registry entry with another status. */
    public Enterprise withStatus(EnterpriseStatus newStatus) {
        return new Enterprise(id, name, uscc, legalRepresentative, address, district, town, longitude, latitude,
                sectors, riskColour, standardisationGrade, insurance, newStatus, createdAt, updatedAt);
    }

    /** The same registry entry with another risk colour (computed from its risk points, or overridden). */
    public Enterprise withRiskColour(RiskColour colour) {
        return new Enterprise(id, name, uscc, legalRepresentative, address, district, town, longitude, latitude,
                sectors, colour, standardisationGrade, insurance, status, createdAt, updatedAt);
    }

    /** True when both describe the same registry entry, bookkeeping times aside. */
    public boolean sameEntryAs(Enterprise other) {
        return other != null && stamped(null, null).equals(other.stamped(null, null));
    }
}
