package io.safetyhub.platform.rest;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.LocalDate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

class QueryParamsTest {
    enum Level { RED, ORANGE }

    @Test
    void shouldParseEnumCaseInsensitivelyWhenValueIsKnown() {
        assertEquals(Level.RED, QueryParams.enumOf(Level.class, "level", " red "));
        assertNull(QueryParams.enumOf(Level.class, "level", ""));
    }

    @Test
    void shouldNameTheParameterWhenEnumIsUnknown() {
        DomainException e = assertThrows(DomainException.class, () -> QueryParams.enumOf(Level.class, "level", "PURPLE"));
        assertEquals(400, e.status());
        assertEquals("level", e.errors().get(0).field());
    }

    @Test
    void shouldNameTheParameterWhenDateIsMalformed() {
        assertEquals(LocalDate.of(2026, 12, 1), QueryParams.date("from", "2026-12-01"));
        assertEquals("from", assertThrows(DomainException.class, () -> QueryParams.date("from", "12/01/2026"))
                .errors().get(0).field());
    }

    @ParameterizedTest(name = "page={0} size={1} -> {2}")
    @CsvSource({
            ", , 0/20",
            "3, 50, 3/50",
            "0, 1, 0/1",
            "10000, 100, 10000/100",
    })
    void shouldAcceptPageAndSizeWhenWithinBounds(String page, String size, String expected) {
        PageRequest p = QueryParams.page(page, size, 100);
        assertEquals(expected, p.page() + "/" + p.size());
        assertEquals((long) p.page() * p.size(), p.offset());
    }

    @ParameterizedTest(name = "page={0} size={1} names {2}")
    @CsvSource({
            "-1, 20, page",
            "x, 20, page",
            "0, 0, size",
            "0, 101, size",
            "2147483647, 100, page",   // page × size would overflow an int
            "10001, 100, page",        // deeper than MAX_OFFSET
            "99999999999, 20, page",
    })
    void shouldNameTheParameterWhenPageOrSizeIsOutOfBounds(String page, String size, String field) {
        DomainException e = assertThrows(DomainException.class, () -> QueryParams.page(page, size, 100));
        assertEquals(400, e.status());
        assertEquals(field, e.errors().get(0).field());
    }
}
