package io.safetyhub.training.activity;

import io.safetyhub.platform.rest.DomainException;
import io.safetyhub.training.enterprise.RegisteredEnterprise;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Who an activity is organised by (issue 15: never under another organiser's name). */
class ActivityOrganiserTest {
    private static final RegisteredEnterprise CHEM = new RegisteredEnterprise("chem-banan-01", "重庆南彭化工储运有限公司", null,
            "巴南区", null, List.of(), null, null, null, null, null, null);

    @ParameterizedTest(name = "{0}: owner {1}, asks {2} -> {3}")
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
            regulator names a department        | -             | 巴南区应急管理局            | 巴南区应急管理局
            enterprise leaves it out            | chem-banan-01 | -                        | 重庆南彭化工储运有限公司
            enterprise gives its own name       | chem-banan-01 | 重庆南彭化工储运有限公司     | 重庆南彭化工储运有限公司
            enterprise gives its name, padded   | chem-banan-01 | ' 重庆南彭化工储运有限公司 ' | 重庆南彭化工储运有限公司
            """)
    void shouldOrganiseUnderTheRightNameWhenTheRequestIsAllowed(String what, String ownerId, String requested, String shown) {
        assertEquals(shown, ActivityService.organiser(ownerId, ownerId == null ? null : CHEM, requested), what);
    }

    @ParameterizedTest(name = "{0}: owner {1}, asks {2} -> {3} {4}")
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
            enterprise posts as the regulator   | chem-banan-01 | 巴南区应急管理局             | 403 | NOT_OWN_NAME
            enterprise posts as another company | chem-banan-01 | 重庆渝北城建工程有限公司     | 403 | NOT_OWN_NAME
            enterprise unknown to the registry  | ghost-01      | -                        | 403 | FORBIDDEN
            regulator names nobody              | -             | ' '                      | 400 | VALIDATION_FAILED
            """)
    void shouldRefuseWhenAnActivityWouldAppearUnderAnotherName(String what, String ownerId, String requested, int status,
                                                              String code) {
        RegisteredEnterprise owner = "chem-banan-01".equals(ownerId) ? CHEM : null;
        DomainException e = assertThrows(DomainException.class, () -> ActivityService.organiser(ownerId, owner, requested), what);
        assertEquals(status, e.status(), what);
        assertEquals(code, e.code(), what);
    }
}
