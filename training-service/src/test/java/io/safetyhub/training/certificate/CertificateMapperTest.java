package io.safetyhub.training.certificate;

import io.safetyhub.training.enterprise.RegisteredEnterprise;
import io.safetyhub.training.personnel.EmploymentStatus;
import io.safetyhub.training.personnel.Person;
import io.safetyhub.training.personnel.RoleCategory;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class CertificateMapperTest {
    private final CertificateMapper mapper = new CertificateMapper();

    @Test
    void shouldCountDaysToTheEarlierOfReviewAndExpiryWhenMappingToView() {
        Certificate c = new Certificate("c-1", "p-1", "chem-banan-01", CertificateKind.SPECIAL_OPERATION, "T1", "应急管理局",
                LocalDate.parse("2020-05-01"), LocalDate.parse("2026-05-01"), LocalDate.parse("2023-05-01"), false, null, null,
                null, List.of(), Instant.EPOCH);
        Person p = new Person("p-1", "chem-banan-01", "王强", "11010519491231002X", null, "电工",
                RoleCategory.SPECIAL_OPERATION_WORKER, EmploymentStatus.EMPLOYED, null, Instant.EPOCH, Instant.EPOCH);
        RegisteredEnterprise e = new RegisteredEnterprise("chem-banan-01", "南彭化工", null, "巴南区", null, List.of(), null,
                null, null, null, null, null);

        CertificateView view = mapper.toView(c, CertificateStatus.EXPIRING, LocalDate.parse("2023-04-21"), p, e);

        assertEquals(10, view.daysToDue());
        assertEquals("王强", view.personName());
        assertEquals("巴南区", view.district());
        assertEquals(CertificateStatus.EXPIRING, view.status());
    }
}
