package io.safetyhub.training.certificate;

import io.safetyhub.training.enterprise.RegisteredEnterprise;
import io.safetyhub.training.personnel.Person;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/** Document -> view, with the status computed for {@code today}. */
@ApplicationScoped
public class CertificateMapper {

    public CertificateView toView(Certificate c, CertificateStatus status, LocalDate today, Person person,
                                  RegisteredEnterprise enterprise) {
        return new CertificateView(c.id(), c.personId(), person == null ? null : person.name(), c.enterpriseId(),
                enterprise == null ? null : enterprise.name(), enterprise == null ? null : enterprise.district(),
                c.kind(), c.number(), c.authority(), c.issuedOn(), c.validUntil(), c.nextReview(), status,
                ChronoUnit.DAYS.between(today, c.firstDue()), c.revokedReason(), c.history());
    }
}
