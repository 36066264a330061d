package io.safetyhub.platform;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertEquals;

class MasksTest {

    /**
     * Public views (《个人信息保护法》 art. 51; GB/T 35273-2020 3.14 de-identification) never show a callable number:
     * mobiles and landlines with area code in the 3+4 public-notice form, short numbers with at least half and never
     * fewer than four digits hidden.
     */
    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
            "13812345678, 138****5678",
            "+86 138 1234 5678, 861******5678",
            "023-68123456, 023****3456",
            "68123456, 68****56",
            "6812345, 6****45",
            "1234567890, 12*****890",
            "12345, ****5",
            "1234, ****",
            "'', ''",
    })
    void shouldHideEnoughDigitsWhenPhoneIsShownInPublic(String phone, String expected) {
        assertEquals(expected, Masks.phone(phone));
    }

    /** GB 11643-1999: the six-digit division code and the last four (with the check digit) remain. */
    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
            "110105194912310025, 110105********0025",
            "12345, *****",
    })
    void shouldHideBirthDateAndSequenceWhenIdCardIsShown(String number, String expected) {
        assertEquals(expected, Masks.idCard(number));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({"陈建国, 陈*国", "王芳, 王*", "欧阳小明, 欧**明", "李, 李"})
    void shouldKeepFirstAndLastCharacterWhenNameIsShownInPublic(String name, String expected) {
        assertEquals(expected, Masks.name(name));
    }
}
