package io.safetyhub.training.certificate;

import io.safetyhub.platform.rest.DomainException;
import io.safetyhub.training.common.DateBounds;
import io.safetyhub.training.config.TrainingConfig;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/**
 * Validity and review cycles per kind (domain.md "Training and publicity", defaults in {@link TrainingConfig}),
 * the dates a certificate gets when the caller leaves them out, and its computed status on a given day.
 */
@ApplicationScoped
public class CertificateRules {
    private final TrainingConfig.Certificates config;

    public CertificateRules(TrainingConfig config) {
        this.config = config.certificates();
    }

    public int validityYears(CertificateKind kind) {
        return switch (kind) {
            case SPECIAL_OPERATION -> config.specialOperationValidityYears();
            case PRINCIPAL_ASSESSMENT -> config.principalValidityYears();
            case SAFETY_MANAGER_ASSESSMENT -> config.safetyManagerValidityYears();
            case CONSTRUCTION_SPECIAL_OPERATION -> config.constructionSpecialOperationValidityYears();
            case SPECIAL_EQUIPMENT_OPERATOR -> config.specialEquipmentValidityYears();
        };
    }

    /** Years between reviews (复审), or 0 when the kind has none besides renewal. */
    public int reviewYears(CertificateKind kind) {
        return kind == CertificateKind.SPECIAL_OPERATION ? config.specialOperationReviewYears() : 0;
    }

    /** {@code validUntil} when not given: issued on + the kind's validity. */
    public LocalDate defaultValidUntil(CertificateKind kind, LocalDate issuedOn) {
        return issuedOn.plusYears(validityYears(kind));
    }

    /** {@code nextReview} when not given: issued on + the review cycle, if it falls before expiry; else none. */
    public LocalDate defaultNextReview(CertificateKind kind, LocalDate issuedOn, LocalDate validUntil) {
        int years = reviewYears(kind);
        if (years <= 0) {
            return null;
        }
        LocalDate review = issuedOn.plusYears(years);
        return review.isBefore(validUntil) ? review : null;
    }

    /**
     * The dates checked together, so that a refusal names the field at fault and nothing is written: issued between
     * {@link DateBounds#EARLIEST} and today, a term ending after the issue and at most {@link DateBounds#MAX_TERM_YEARS}
     * later, a review within the term.
     */
    public void checkDates(LocalDate issuedOn, LocalDate validUntil, LocalDate nextReview, LocalDate today) {
        if (issuedOn.isAfter(today)) {
            throw DomainException.field("INVALID_DATES", "issuedOn", "must not be in the future");
        }
        DateBounds.require("issuedOn", issuedOn, DateBounds.EARLIEST, today);
        if (!validUntil.isAfter(issuedOn)) {
            throw DomainException.field("INVALID_DATES", "validUntil", "must be after issuedOn");
        }
        DateBounds.require("validUntil", validUntil, issuedOn, issuedOn.plusYears(DateBounds.MAX_TERM_YEARS));
        if (nextReview != null && (!nextReview.isAfter(issuedOn) || nextReview.isAfter(validUntil))) {
            throw DomainException.field("INVALID_DATES", "nextReview", "must be after issuedOn and not after validUntil");
        }
    }

    public CertificateStatus status(Certificate c, LocalDate today) {
        if (c.revoked()) {
            return CertificateStatus.REVOKED;
        }
        LocalDate due = c.firstDue();
        if (today.isAfter(due)) {
            return CertificateStatus.EXPIRED;
        }
        return ChronoUnit.DAYS.between(today, due) <= config.expiringWithinDays()
                ? CertificateStatus.EXPIRING : CertificateStatus.VALID;
    }

    /**
     * Principal and safety-manager assessment certificates are renewed only in the window before expiry
     * (domain.md: 60 days); once expired they may be renewed at any time (a new assessment).
     */
    public void checkRenewal(Certificate c, LocalDate today) {
        boolean assessment = c.kind() == CertificateKind.PRINCIPAL_ASSESSMENT
                || c.kind() == CertificateKind.SAFETY_MANAGER_ASSESSMENT;
        if (assessment && today.isBefore(c.validUntil().minusDays(config.assessmentRenewalWindowDays()))) {
            throw DomainException.conflict("RENEWAL_TOO_EARLY", "this certificate can be renewed from "
                    + c.validUntil().minusDays(config.assessmentRenewalWindowDays()) + " (" + config.assessmentRenewalWindowDays()
                    + " days before it expires)");
        }
    }
}
