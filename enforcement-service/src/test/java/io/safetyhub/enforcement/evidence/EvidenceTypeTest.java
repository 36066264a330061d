package io.safetyhub.enforcement.evidence;

import io.safetyhub.platform.rest.DomainException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Evidence type from the bytes (Tika's MIME magic), never from the name. */
class EvidenceTypeTest {
    private static final EvidenceType TYPES = new EvidenceType(List.of("image/jpeg", "image/png", "image/webp", "application/pdf"));

    @ParameterizedTest(name = "{2}")
    @CsvSource(delimiter = '|', textBlock = """
            ffd8ffe000104a46494600010100000100010000 | image/jpeg      | a JPEG from a phone camera
            89504e470d0a1a0a0000000d4948445200000001 | image/png       | a PNG screenshot
            255044462d312e370a25e2e3cfd30a312030206f | application/pdf | a scanned PDF
            """)
    void shouldAcceptPhotosAndPdfWhenJudgedFromTheirBytes(String hex, String type, String what) {
        assertEquals(type, TYPES.require(new ByteArrayInputStream(HexFormat.of().parseHex(hex))), what);
    }

    @ParameterizedTest(name = "{1}")
    @CsvSource(delimiter = '|', textBlock = """
            4d5a90000300000004000000ffff0000b8000000000000004000000000000000 | a Windows executable renamed photo.jpg
            7f454c4602010100000000000000000003003e00010000000000000000000000 | a Linux ELF binary renamed photo.jpg
            504b0304140000000800000000000000000000000000000000000000000000   | a ZIP archive
            """)
    void shouldRefuseNamingTheFileWhenTheBytesAreNotAPhotoOrPdf(String hex, String what) {
        DomainException e = assertThrows(DomainException.class,
                () -> TYPES.require(new ByteArrayInputStream(HexFormat.of().parseHex(hex))), what);
        assertEquals(415, e.status());
        assertEquals("file", e.errors().get(0).field());
    }

    @Test
    void shouldRefusePlainTextWhenItClaimsToBeAnImage() {
        assertThrows(DomainException.class, () -> TYPES.require(new ByteArrayInputStream(
                "not really a jpeg".getBytes(StandardCharsets.UTF_8))));
    }
}
