package io.safetyhub.training.exam;

import io.safetyhub.training.personnel.EmploymentStatus;
import io.safetyhub.training.personnel.Person;
import io.safetyhub.training.personnel.RoleCategory;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;

import static org.junit.jupiter.api.Assertions.assertEquals;

class ExamResultMapperTest {
    private final ExamResultMapper mapper = new ExamResultMapper();
    private final Person person = new Person("p-1", "chem-banan-01", "陈建国", "11010519491231002X", null, "总经理",
            RoleCategory.PRINCIPAL, EmploymentStatus.EMPLOYED, null, Instant.EPOCH, Instant.EPOCH);
    private final ExamResult result = new ExamResult("x-1", "p-1", "chem-banan-01", "应知应会", LocalDate.parse("2026-10-01"),
            92, 60, true, true, Instant.EPOCH, "reg.banan", "reg.banan", Instant.EPOCH);

    @Test
    void shouldMaskNameAndIdCardWhenMappingToPublicView() {
        PublicExamResultView view = mapper.toPublicView(result, person, null);
        assertEquals("陈*国", view.name());
        assertEquals("110105********002X", view.idCardNumber());
        assertEquals(92, view.score());
    }

    @Test
    void shouldShowNameButMaskIdCardWhenMappingForSignedInCallers() {
        ExamResultView view = mapper.toView(result, person, null);
        assertEquals("陈建国", view.name());
        assertEquals("110105********002X", view.idCardNumber());
    }
}
