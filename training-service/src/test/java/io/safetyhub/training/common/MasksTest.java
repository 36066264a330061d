package io.safetyhub.training.common;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertEquals;

class MasksTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({"110105194912310025, 110105********0025", "11010519491231002X, 110105********002X"})
    void shouldKeepDivisionAndLastFourWhenMaskingIdCard(String number, String masked) {
        assertEquals(masked, Masks.idCard(number));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({"陈建国, 陈*国", "王芳, 王*", "欧阳娜娜, 欧**娜"})
    void shouldKeepFirstAndLastCharacterWhenMaskingName(String name, String masked) {
        assertEquals(masked, Masks.name(name));
    }
}
