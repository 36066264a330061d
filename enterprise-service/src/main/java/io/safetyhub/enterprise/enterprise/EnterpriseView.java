package io.safetyhub.enterprise.enterprise;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** An enterprise as the REST API shows it. */
public record EnterpriseView(String id, String name, String uscc, String legalRepresentative, String address,
                             String district, String town, Double longitude, Double latitude, List<Sector> sectors,
                             RiskColour riskColour, StandardisationGrade standardisationGrade, Insurance insurance,
                             EnterpriseStatus status, Instant updatedAt) {

    /** Liability insurance (安全生产责任保险). */
    public record Insurance(String policyNumber, LocalDate expiresOn) {
    }
}
