package io.safetyhub.training.common;

import io.safetyhub.training.certificate.Certificate;
import io.safetyhub.training.certificate.CertificateKind;
import io.safetyhub.training.certificate.Term;
import org.bson.Document;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

class DocumentCodecTest {
    private final DocumentCodec codec = new DocumentCodec();

    @Test
    void shouldStoreIdAsPrimaryKeyAndDatesAsIsoTextWhenWritingARecord() {
        Certificate c = new Certificate("c-1", "p-1", "chem-banan-01", CertificateKind.SPECIAL_OPERATION, "T1", "应急管理局",
                LocalDate.parse("2020-05-01"), LocalDate.parse("2026-05-01"), LocalDate.parse("2023-05-01"), false, null, null,
                null, List.of(new Term("T0", "应急管理局", LocalDate.parse("2014-05-01"), LocalDate.parse("2020-05-01"), null,
                Instant.parse("2020-04-20T02:00:00Z"), "ent.chem")), Instant.parse("2020-05-02T03:04:05.123Z"));

        Document doc = codec.toDocument(c);

        assertEquals("c-1", doc.get("_id"));
        assertFalse(doc.containsKey("id"));
        assertEquals("2026-05-01", doc.get("validUntil"));
        assertEquals("SPECIAL_OPERATION", doc.get("kind"));
        assertEquals(c, codec.fromDocument(doc, Certificate.class));
    }
}
