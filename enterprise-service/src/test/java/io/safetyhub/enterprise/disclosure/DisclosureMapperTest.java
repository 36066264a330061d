package io.safetyhub.enterprise.disclosure;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.safetyhub.enterprise.access.Fixtures;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

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
}
