package io.safetyhub.enforcement.draw;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * One draw of a plan, kept for good: its seed and inputs (so that it can be re-run), its result with the names as
 * they stood, and, for a redraw, the draw it replaced and why. A superseded draw stays on record and on the public
 * view beside the one that replaced it.
 *
 * @param seed a whole number below 2^53, so that it survives JSON and JavaScript unchanged
 */
public record Draw(String id, String planId, String planTitle, String district, String town, LocalDate periodStart,
                   LocalDate periodEnd, long seed, String algorithm, DoubleRandomDraw.Inputs inputs,
                   List<DrawnEnterprise> results, DrawStatus status, String supersedes, String supersededBy,
                   String redrawReason, String drawnBy, Instant drawnAt) {

    public Draw {
        results = List.copyOf(results);
    }

    public enum DrawStatus { EFFECTIVE, SUPERSEDED }

    /** An enterprise drawn and its inspection team, with names as they stood at the draw. */
    public record DrawnEnterprise(String enterpriseId, String enterpriseName, String town, String sector,
                                  String riskColour, List<DrawnInspector> inspectors) {
        public DrawnEnterprise {
            inspectors = List.copyOf(inspectors);
        }
    }

    public record DrawnInspector(String inspectorId, String name, String badgeNumber) {
    }

    /** The result reduced to what the algorithm decides, to compare with a re-run. */
    public List<DoubleRandomDraw.Assignment> assignments() {
        return results.stream().map(r -> new DoubleRandomDraw.Assignment(r.enterpriseId(), r.sector(),
                r.inspectors().stream().map(DrawnInspector::inspectorId).toList())).toList();
    }
}
