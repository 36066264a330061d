package io.safetyhub.training.personnel;

import io.safetyhub.platform.Masks;
import io.safetyhub.training.enterprise.RegisteredEnterprise;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;

/** Request -> document, document -> view; the only place where the identity-card number is masked. */
@ApplicationScoped
public class PersonMapper {

    public Person toPerson(String id, String enterpriseId, PersonRequest r, Instant createdAt, Instant now) {
        String idCard = IdCardNumber.normalise(r.idCardNumber());
        return new Person(id, enterpriseId, r.name().trim(), idCard, Person.key(enterpriseId, idCard), r.post().trim(),
                r.roleCategory(), r.status() == null ? EmploymentStatus.EMPLOYED : r.status(), r.hiredOn(),
                createdAt, now);
    }

    public PersonView toView(Person p, RegisteredEnterprise enterprise) {
        return new PersonView(p.id(), p.enterpriseId(), enterprise == null ? null : enterprise.name(),
                enterprise == null ? null : enterprise.district(), p.name(), Masks.idCard(p.idCardNumber()), p.post(),
                p.roleCategory(), p.status(), p.hiredOn());
    }
}
