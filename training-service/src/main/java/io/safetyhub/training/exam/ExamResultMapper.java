package io.safetyhub.training.exam;

import io.safetyhub.platform.Masks;
import io.safetyhub.training.enterprise.RegisteredEnterprise;
import io.safetyhub.training.personnel.Person;
import jakarta.enterprise.context.ApplicationScoped;

/** Document -> views; the public view masks the name as well as the identity-card number. */
@ApplicationScoped
public class ExamResultMapper {

    public ExamResultView toView(ExamResult r, Person p, RegisteredEnterprise e) {
        return new ExamResultView(r.id(), r.personId(), p == null ? null : p.name(), p == null ? null : Masks.idCard(p.idCardNumber()),
                r.enterpriseId(), e == null ? null : e.name(), e == null ? null : e.district(), r.examName(), r.examDate(),
                r.score(), r.passMark(), r.passed(), r.published());
    }

    public PublicExamResultView toPublicView(ExamResult r, Person p, RegisteredEnterprise e) {
        return new PublicExamResultView(p == null ? null : Masks.name(p.name()), p == null ? null : Masks.idCard(p.idCardNumber()),
                e == null ? null : e.name(), e == null ? null : e.district(), r.examName(), r.examDate(), r.score(), r.passed());
    }
}
