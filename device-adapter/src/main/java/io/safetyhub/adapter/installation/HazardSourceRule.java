package io.safetyhub.adapter.installation;

import io.safetyhub.platform.Problem;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Whether a device may name this {@code hazardSourceId} (and {@code hazardGrade}): it must be an installation of the
 * device's own enterprise that the register has published, and a grade given must be the installation's GB 18218
 * grade when the register has graded it (the warning rules read the device's grade). Two allowances, each so that the
 * rule never blocks an operator for the view's sake rather than the device's:
 * <ul>
 *   <li>Before the view has caught up with the topic (first start on an empty database) an unknown id is accepted:
 *   the installation may simply not be read yet. The device view then flags it until the installation arrives.</li>
 *   <li>On an update, an unchanged binding (id and grade) is accepted even if its installation was deleted or
 *   regraded since, so that the device can still be taken into maintenance or disabled; it stays flagged.</li>
 * </ul>
 * An installation of another enterprise is refused whenever it is known.
 */
public final class HazardSourceRule {

    /** How a device's binding stands in the view, shown as {@code hazardSourceStatus}. */
    public enum Binding { REGISTERED, GRADE_DIFFERS, UNKNOWN }

    /** What a device claims: its installation, that installation's grade, its enterprise. */
    public record Claim(String hazardSourceId, Integer hazardGrade, String enterpriseId) {
    }

    private HazardSourceRule() {
    }

    /**
     * @param previous the device's binding before this write (null on create)
     * @param found    the installation the view holds under the claimed {@code hazardSourceId}
     * @param loaded   whether the view has caught up with the register
     * @return the field errors to report; empty when the write may go ahead
     */
    public static List<Problem.FieldError> check(Claim claim, Claim previous, Optional<Installation> found,
                                                 boolean loaded) {
        String id = claim.hazardSourceId();
        if (id == null || id.isBlank()) {
            return List.of();
        }
        boolean unchanged = previous != null && id.equals(previous.hazardSourceId())
                && Objects.equals(claim.hazardGrade(), previous.hazardGrade());
        List<Problem.FieldError> errors = new ArrayList<>();
        if (found.isPresent()) {
            Installation installation = found.get();
            if (!Objects.equals(installation.enterpriseId(), claim.enterpriseId())) {
                errors.add(new Problem.FieldError("hazardSourceId",
                        "installation " + id + " belongs to another enterprise, not " + claim.enterpriseId()));
            } else if (!unchanged && installation.grade() != null && claim.hazardGrade() != null
                    && !installation.grade().equals(claim.hazardGrade())) {
                errors.add(new Problem.FieldError("hazardGrade", "installation " + id + " is of grade "
                        + installation.grade() + " (GB 18218-2018) in the register, not " + claim.hazardGrade()));
            }
        } else if (loaded && !unchanged) {
            errors.add(new Problem.FieldError("hazardSourceId", "no major-hazard installation " + id
                    + " is registered for enterprise " + claim.enterpriseId()));
        }
        return errors;
    }

    /** The flag the device view shows; null for a device bound to no installation. */
    public static Binding binding(Claim claim, Installation found) {
        if (claim.hazardSourceId() == null) {
            return null;
        }
        if (found == null || !Objects.equals(found.enterpriseId(), claim.enterpriseId())) {
            return Binding.UNKNOWN;
        }
        return found.grade() == null || claim.hazardGrade() == null || found.grade().equals(claim.hazardGrade())
                ? Binding.REGISTERED : Binding.GRADE_DIFFERS;
    }
}
