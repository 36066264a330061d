package io.safetyhub.training.personnel;

import io.safetyhub.training.enterprise.RegisteredEnterprise;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class PersonMapperTest {
    private final PersonMapper mapper = new PersonMapper();

    @Test
    void shouldMaskIdCardAndCarryEnterpriseWhenMappingToView() {
        PersonRequest request = new PersonRequest(null, " 陈建国 ", "11010519491231002x", "总经理", RoleCategory.PRINCIPAL, null, null);
        Person person = mapper.toPerson("p-1", "chem-banan-01", request, Instant.EPOCH, Instant.EPOCH);
        PersonView view = mapper.toView(person, new RegisteredEnterprise("chem-banan-01", "南彭化工", null, "巴南区", null,
                List.of("HAZARDOUS_CHEMICALS"), null, null, null, null, null, null));

        assertEquals("11010519491231002X", person.idCardNumber());
        assertEquals("chem-banan-01|11010519491231002X", person.idCardKey());
        assertEquals(EmploymentStatus.EMPLOYED, person.status());
        assertEquals("110105********002X", view.idCardNumber());
        assertEquals("陈建国", view.name());
        assertEquals("南彭化工", view.enterpriseName());
        assertEquals("巴南区", view.district());
    }
}
