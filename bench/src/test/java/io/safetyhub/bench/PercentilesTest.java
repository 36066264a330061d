package io.safetyhub.bench;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class PercentilesTest {

    @ParameterizedTest
    @CsvSource({"50, 50", "90, 90", "99, 99", "100, 100", "1, 1"})
    void shouldTakeTheNearestRankWhenGivenOneToHundred(int pct, long expected) {
        List<Long> samples = new ArrayList<>();
        for (long i = 100; i >= 1; i--) {
            samples.add(i);
        }
        assertEquals(expected, Percentiles.rank(samples.stream().sorted().toList(), pct));
    }

    @Test
    void shouldReportTheMaximumAndCountWhenSamplesAreUnsorted() {
        Percentiles p = Percentiles.of(List.of(30L, 10L, 20L, 400L));
        assertEquals(4, p.count());
        assertEquals(400, p.max());
        assertEquals(20, p.p50());
        assertEquals(400, p.p99());
    }

    @Test
    void shouldSayNoSamplesWhenNothingArrived() {
        assertEquals(Percentiles.NONE, Percentiles.of(List.of()));
        assertEquals("no samples", Percentiles.of(List.of()).describe());
    }
}
