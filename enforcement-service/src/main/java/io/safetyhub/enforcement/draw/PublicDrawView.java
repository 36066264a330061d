package io.safetyhub.enforcement.draw;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A draw as the public sees it (一公开): who was drawn and who inspects them, the seed, and for a redraw the draw it
 * replaced and why. Inspectors' declared conflicts and the rest of the inputs are not public.
 */
public record PublicDrawView(String id, String planTitle, String district, String town, LocalDate periodStart,
                             LocalDate periodEnd, String seed, String algorithm, String status, String supersedes,
                             String supersededBy, String redrawReason, Instant drawnAt, List<Drawn> results) {

    public record Drawn(String enterpriseId, String enterpriseName, String town, String sector, List<String> inspectors) {
    }

    static PublicDrawView of(Draw d) {
        return new PublicDrawView(d.id(), d.planTitle(), d.district(), d.town(), d.periodStart(), d.periodEnd(),
                Long.toString(d.seed()), d.algorithm(), d.status().name(), d.supersedes(), d.supersededBy(),
                d.redrawReason(), d.drawnAt(), d.results().stream().map(r -> new Drawn(r.enterpriseId(), r.enterpriseName(),
                r.town(), r.sector(), r.inspectors().stream().map(i -> i.name() + "（执法证号 " + i.badgeNumber() + "）").toList()))
                .toList());
    }
}
