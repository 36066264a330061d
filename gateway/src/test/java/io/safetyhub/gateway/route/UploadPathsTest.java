package io.safetyhub.gateway.route;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class UploadPathsTest {
    private final UploadPaths uploads = UploadPaths.of(List.of("/api/enforcement/inspections/*/evidence"));

    @ParameterizedTest
    @CsvSource({
            "/api/enforcement/inspections/i-1/evidence,          true",
            "/api/enforcement/inspections/i-1/evidence/e-2,      false",
            "/api/enforcement/inspections//evidence,             false",
            "/api/enforcement/inspections/evidence,              false",
            "/api/enforcement/inspections/i-1/evidencex,         false",
            "/api/enforcement/inspections/i-1/evidence/,         false",
            "/api/hazards/h-1/evidence,                          false"})
    void shouldMatchOneSegmentPerWildcardWhenAPathIsJudged(String path, boolean expected) {
        assertEquals(expected, uploads.matches(path), path);
    }

    @Test
    void shouldAdmitOnlyMultipartWhenTheContentTypeIsJudged() {
        String path = "/api/enforcement/inspections/i-1/evidence";
        assertTrue(uploads.admits(path, "multipart/form-data; boundary=x"));
        assertTrue(uploads.admits(path, "Multipart/Form-Data; boundary=x"));
        assertFalse(uploads.admits(path, "application/json"));
        assertFalse(uploads.admits(path, null));
        assertFalse(uploads.admits("/api/hazards", "multipart/form-data; boundary=x"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"/q/upload", "/api/", "/api/a//b", "/api/a/b*", "/api/../x", "api/a"})
    void shouldFailStartupWhenAPatternIsMalformed(String pattern) {
        assertThrows(IllegalArgumentException.class, () -> UploadPaths.of(List.of(pattern)));
    }
}
