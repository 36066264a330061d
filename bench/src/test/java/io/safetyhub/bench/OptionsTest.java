package io.safetyhub.bench;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class OptionsTest {

    @Test
    void shouldRefuseAnUnknownOptionWhenAllWereRead() {
        Options o = new Options(List.of("--rates", "1,2", "--ratez", "3"));
        assertEquals(List.of(1, 2), o.integers("rates", "5"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, o::rejectUnknown);
        assertEquals("unknown option(s): --ratez", e.getMessage());
    }

    @Test
    void shouldRefuseAFlagWithoutValueWhenParsing() {
        assertThrows(IllegalArgumentException.class, () -> new Options(List.of("--duration")));
    }

    @Test
    void shouldAnswerTwoWhenTheCommandIsUnknown() {
        assertEquals(2, BenchMain.run(List.of("bogus")));
        assertEquals(2, BenchMain.run(List.of("step", "--nonsense", "1")));
    }
}
