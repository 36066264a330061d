package io.safetyhub.enterprise.disclosure;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.safetyhub.enterprise.access.Fixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The stored form round-trips; the public form hides every phone, whatever its length, and any ID-card number. */
class DisclosureMapperTest {
    // Like Quarkus' mapper: unknown fields (an idCardNumber) are dropped, not refused.
    private final ObjectMapper json = new ObjectMapper().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    private final DisclosureMapper mapper = new DisclosureMapper(json);

    @Test
    void shouldRoundTripWhenStoredAndMaskEveryPhoneWhenPublic() throws Exception {
        Disclosure d = json.readValue(Fixtures.DISCLOSURE, Disclosure.class);
        assertEquals(d, mapper.fromDocument(mapper.toDocument("chem-banan-01", d, Instant.EPOCH, "ent.chem")));
        String masked = json.writeValueAsString(mapper.masked(d));
        assertFalse(masked.contains("13812345678"), masked);
        assertEquals(10, masked.split("138\\*\\*\\*\\*5678", -1).length - 1);
    }

    /**
     * Mobiles keep three in front and four behind as Chinese public notices do; local landlines of 7-8 digits (which
     * the old mask showed whole or half) hide at least half their digits and never fewer than four.
     */
    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "13812345678,       138****5678",
            "138-1234-5678,     138****5678",
            "023-66220003,      023****0003",
            "+86 138 1234 5678, 861******5678",
            "66220003,          66****03",
            "6622003,           6****03",
            "12345,             ****5",
            "1234,              ****"})
    void shouldHideTheMiddleOfEveryPhoneWhenDisclosureIsPublic(String phone, String shown) {
        Disclosure.Person masked = mapper.masked(disclosureWith(new Disclosure.Person("陈建国", "总经理", phone)))
                .responsiblePersons().principal();
        assertEquals(shown, masked.phone());
        int digits = phone.replaceAll("[^0-9]", "").length();
        long hidden = masked.phone().chars().filter(c -> c == '*').count();
        assertTrue(hidden >= Math.min(4, digits) && hidden * 2 >= Math.min(digits, 8),
                "public phone " + masked.phone() + " hides too little of " + phone);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            陈建国 500113198001011234        | 陈建国 500113********1234
            身份证号50011319800101123X备案    | 身份证号500113********123X备案
            SIS 联锁 2024 版                  | SIS 联锁 2024 版
            批号 5001131980010112345          | 批号 5001131980010112345""")
    void shouldMaskIdCardNumberWhenOneIsTypedIntoPublicText(String typed, String shown) {
        Disclosure.Person masked = mapper.masked(disclosureWith(new Disclosure.Person(typed, typed, "13812345678")))
                .responsiblePersons().principal();
        assertEquals(shown, masked.name());
        assertEquals(shown, masked.post());
    }

    private static Disclosure disclosureWith(Disclosure.Person p) {
        return new Disclosure(new Disclosure.ResponsiblePersons(p, p, p, p),
                List.of(new Disclosure.RiskPoint("液氨储罐区", "泄漏", List.of("SIS 联锁"), p, p, p)),
                List.of(new Disclosure.Guardians("HS-1", "液氨储罐区", 2, p, p, p)));
    }
}
