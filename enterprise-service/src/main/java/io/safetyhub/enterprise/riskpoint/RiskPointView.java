package io.safetyhub.enterprise.riskpoint;

import io.safetyhub.enterprise.enterprise.RiskColour;

import java.time.Instant;
import java.util.List;

/** A risk point with its grade, measures and tasks. {@code value} is D (LEC) or R (LS). */
public record RiskPointView(String id, String enterpriseId, String district, String town, String name, Double longitude,
                            Double latitude, List<String> hazards, GradingMethod method, Double l, Double e, Double c,
                            Double s, double value, RiskColour colour, List<RiskPoint.Measure> measures,
                            Instant createdAt, Instant updatedAt, String updatedBy) {

    static RiskPointView of(RiskPoint p) {
        return new RiskPointView(p.id(), p.enterpriseId(), p.district(), p.town(), p.name(), p.longitude(), p.latitude(),
                p.hazards(), p.method(), p.l(), p.e(), p.c(), p.s(), p.value(), p.colour(), p.measures(), p.createdAt(),
                p.updatedAt(), p.updatedBy());
    }
}
