package io.safetyhub.adapter.installation;

import io.safetyhub.platform.Problem;

import java.util.Objects;
import java.util.Optional;

/**
 * Whether a device may name this {@code hazardSourceId}: it must be an installation of the device's own enterprise
 * that the register has published. Two allowances, each so that the rule never blocks an operator for the view's
 * sake rather than the device's:
 * <ul>
 *   <li>Before the view has caught up with the topic (first start on an empty database) an unknown id is accepted:
 *   the installation may simply not be read yet. The device view then flags it until the installation arrives.</li>
 *   <li>On an update, an unchanged {@code hazardSourceId} is accepted even if its installation was deleted since, so
 *   that the device can still be taken into maintenance or disabled; it stays flagged {@link Binding#UNKNOWN}.</li>
 * </ul>
 * An installation of another enterprise is refused whenever it is known.
 */
public final class HazardSourceRule {

    /** How a device's binding stands in the view, shown as {@code hazardSourceStatus}. */
    public enum Binding { REGISTERED, UNKNOWN }

    private HazardSourceRule() {
    }

    /**
     * @param previous the device's {@code hazardSourceId} before this write (null on create)
     * @param found    the installation the view holds under {@code hazardSourceId}
     * @param loaded   whether the view has caught up with the register
     * @return the field error to report, if the write must be refused
     */
    public static Optional<Problem.FieldError> check(String hazardSourceId, String enterpriseId, String previous,
                                                     Optional<Installation> found, boolean loaded) {
        if (hazardSourceId == null || hazardSourceId.isBlank()) {
            return Optional.empty();
        }
        if (found.isPresent()) {
            if (Objects.equals(found.get().enterpriseId(), enterpriseId)) {
                return Optional.empty();
            }
            return Optional.of(new Problem.FieldError("hazardSourceId",
                    "installation " + hazardSourceId + " belongs to another enterprise, not " + enterpriseId));
        }
        if (!loaded || hazardSourceId.equals(previous)) {
            return Optional.empty();
        }
        return Optional.of(new Problem.FieldError("hazardSourceId", "no major-hazard installation " + hazardSourceId
                + " is registered for enterprise " + enterpriseId));
    }

    /** The flag the device view shows; null for a device bound to no installation. */
    public static Binding binding(String hazardSourceId, String enterpriseId, Installation found) {
        if (hazardSourceId == null) {
            return null;
        }
        return found != null && Objects.equals(found.enterpriseId(), enterpriseId) ? Binding.REGISTERED
                : Binding.UNKNOWN;
    }
}
