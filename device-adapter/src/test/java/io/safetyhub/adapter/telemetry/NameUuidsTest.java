package io.safetyhub.adapter.telemetry;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;

class NameUuidsTest {

    @ParameterizedTest
    @ValueSource(strings = {"", "chem-banan-01|GA-T1|gas_lel|1764662400000|0", "加油站|LOAD-00001|load_ratio|1|7",
            "a much longer seed that spans more than one MD5 block of sixty-four bytes, to be sure the digest is reset"})
    void shouldDeriveTheSameUuidAsTheJdkWhenAReadingsSeedIsHashedAgain(String seed) {
        byte[] bytes = seed.getBytes(StandardCharsets.UTF_8);
        assertEquals(UUID.nameUUIDFromBytes(bytes), NameUuids.fromBytes(bytes));
        assertEquals(UUID.nameUUIDFromBytes(bytes), NameUuids.fromBytes(bytes), "the thread's digest was not reset");
    }
}
