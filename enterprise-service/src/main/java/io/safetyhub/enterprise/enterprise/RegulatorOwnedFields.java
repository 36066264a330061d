package io.safetyhub.enterprise.enterprise;

import io.safetyhub.platform.Problem;
import io.safetyhub.platform.Strings;
import io.safetyhub.platform.rest.DomainException;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Fields of a registry entry that the regulator sets and an enterprise, editing its own entry, cannot change: the
 * registration number (USCC), the jurisdiction (district and town, 属地: they decide which regulator supervises it),
 * the risk colour, the sectors (they decide which obligations apply, e.g. the daily commitment of hazardous-chemical
 * enterprises) and the standardisation grade (awarded after a regulator's review). An enterprise that sends a
 * different value is refused whole with 403 {@code FIELD_REGULATOR_OWNED} naming every such field, rather than
 * having the value silently ignored, so that its form can say which fields it must leave alone.
 */
public final class RegulatorOwnedFields {
    private RegulatorOwnedFields() {
    }

    /** Throws 403 when {@code request} changes a regulator-owned field of {@code existing}. */
    public static void requireUnchanged(Enterprise existing, EnterpriseRequest request) {
        List<Problem.FieldError> changed = new ArrayList<>();
        check(changed, "uscc", existing.uscc(), Strings.blankToNull(request.uscc()));
        check(changed, "district", existing.district(), Strings.blankToNull(request.district()));
        check(changed, "town", Strings.blankToNull(existing.town()), Strings.blankToNull(request.town()));
        check(changed, "sectors", Set.copyOf(existing.sectors()),
                request.sectors() == null ? Set.of() : Set.copyOf(request.sectors()));
        check(changed, "riskColour", existing.riskColour(), request.riskColour());
        check(changed, "standardisationGrade", existing.standardisationGrade(), request.standardisationGrade());
        if (!changed.isEmpty()) {
            throw new DomainException(403, "FIELD_REGULATOR_OWNED",
                    changed.stream().map(Problem.FieldError::field).toList() + " set by the regulator", changed);
        }
    }

    private static void check(List<Problem.FieldError> changed, String field, Object existing, Object requested) {
        if (!Objects.equals(existing, requested)) {
            changed.add(new Problem.FieldError(field, "set by the regulator; an enterprise cannot change it"));
        }
    }
}
