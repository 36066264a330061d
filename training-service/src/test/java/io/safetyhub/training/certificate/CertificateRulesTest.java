package io.safetyhub.training.certificate;

import io.safetyhub.platform.rest.DomainException;
import io.safetyhub.training.support.Defaults;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.LocalDate;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Validity, review and status computations with the default configuration; each row names where its number comes from. */
class CertificateRulesTest {
    private final CertificateRules rules = new CertificateRules(Defaults.config());

    @ParameterizedTest(name = "{0} issued {1}: valid until {2}, review {3} ({4})")
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
            SPECIAL_OPERATION              | 2020-05-01 | 2026-05-01 | 2023-05-01 | 总局令30号 第十九条 6 years, 第二十一条 review every 3 years; domain.md
            PRINCIPAL_ASSESSMENT           | 2024-03-01 | 2027-03-01 | -          | domain.md: principal assessment certificate 3 years
            SAFETY_MANAGER_ASSESSMENT      | 2024-02-29 | 2027-02-28 | -          | domain.md: safety-manager assessment certificate 3 years (leap day)
            CONSTRUCTION_SPECIAL_OPERATION | 2025-01-10 | 2027-01-10 | -          | 建质〔2008〕75号 第二十二条 2 years; domain.md
            SPECIAL_EQUIPMENT_OPERATOR     | 2022-08-15 | 2026-08-15 | -          | 特种设备作业人员监督管理办法 4 years; domain.md
            """)
    void shouldDeriveValidityAndReviewWhenDatesAreLeftOut(CertificateKind kind, LocalDate issued, LocalDate validUntil,
                                                         LocalDate review, String source) {
        LocalDate computedValidUntil = rules.defaultValidUntil(kind, issued);
        assertEquals(validUntil, computedValidUntil, source);
        assertEquals(review, rules.defaultNextReview(kind, issued, computedValidUntil), source);
    }

    @ParameterizedTest(name = "{0} issued {1}, on {2}: {3} ({4})")
    @CsvSource(delimiter = '|', textBlock = """
            SPECIAL_OPERATION         | 2020-05-01 | 2023-01-30 | VALID    | issue 6: EXPIRING within 90 days of review; 91 days left
            SPECIAL_OPERATION         | 2020-05-01 | 2023-01-31 | EXPIRING | issue 6: 90 days before the review (总局令30号 3-year review)
            SPECIAL_OPERATION         | 2020-05-01 | 2023-05-01 | EXPIRING | review due today
            SPECIAL_OPERATION         | 2020-05-01 | 2023-05-02 | EXPIRED  | 总局令30号: 逾期未复审的, 操作证失效
            PRINCIPAL_ASSESSMENT      | 2024-03-01 | 2026-11-30 | VALID    | domain.md 3 years; 91 days left
            PRINCIPAL_ASSESSMENT      | 2024-03-01 | 2026-12-01 | EXPIRING | issue 6: 90 days before expiry
            PRINCIPAL_ASSESSMENT      | 2024-03-01 | 2027-03-02 | EXPIRED  | domain.md 3 years: the day after expiry
            CONSTRUCTION_SPECIAL_OPERATION | 2025-01-10 | 2027-01-11 | EXPIRED | 建质〔2008〕75号: 2 years
            SPECIAL_EQUIPMENT_OPERATOR | 2022-08-15 | 2026-05-17 | EXPIRING | 特种设备作业人员监督管理办法 4 years; 90 days left
            """)
    void shouldComputeStatusWhenCheckedOnAGivenDay(CertificateKind kind, LocalDate issued, LocalDate today,
                                                  CertificateStatus expected, String source) {
        assertEquals(expected, rules.status(certificate(kind, issued, false), today), source);
    }

    @ParameterizedTest(name = "revoked {0} on {1}")
    @CsvSource({"PRINCIPAL_ASSESSMENT, 2025-01-01", "SPECIAL_OPERATION, 2021-01-01"})
    void shouldReportRevokedWhenRevokedWhateverTheDates(CertificateKind kind, LocalDate today) {
        assertEquals(CertificateStatus.REVOKED, rules.status(certificate(kind, LocalDate.parse("2020-05-01"), true), today));
    }

    @ParameterizedTest(name = "{0} valid until 2027-03-01, renewed on {1}: allowed {2} ({3})")
    @CsvSource(delimiter = '|', textBlock = """
            PRINCIPAL_ASSESSMENT      | 2026-12-31 | true  | domain.md: renewable in the 60 days before expiry
            PRINCIPAL_ASSESSMENT      | 2026-12-30 | false | domain.md: 61 days before expiry is too early
            SAFETY_MANAGER_ASSESSMENT | 2026-12-30 | false | domain.md: same rule for safety managers
            SAFETY_MANAGER_ASSESSMENT | 2027-05-01 | true  | expired: a new assessment may be recorded any time
            SPECIAL_OPERATION         | 2024-01-01 | true  | no renewal window for special operations
            """)
    void shouldEnforceRenewalWindowWhenRenewingAssessmentCertificates(CertificateKind kind, LocalDate today, boolean allowed,
                                                                     String source) {
        Certificate c = new Certificate("c", "p", "e", kind, "N", "A", LocalDate.parse("2024-03-01"),
                LocalDate.parse("2027-03-01"), null, false, null, null, null, List.of(), null);
        if (allowed) {
            assertDoesNotThrow(() -> rules.checkRenewal(c, today), source);
        } else {
            assertEquals("RENEWAL_TOO_EARLY", assertThrows(DomainException.class, () -> rules.checkRenewal(c, today)).code(), source);
        }
    }

    @ParameterizedTest(name = "issued {0}, valid until {1}, review {2}: {3}")
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
            2024-03-01 | 2027-03-01 | -          | -          | a 3-year term
            2024-03-01 | 2034-03-01 | 2027-03-01 | -          | DateBounds.MAX_TERM_YEARS: a 10-year term is the longest accepted
            2024-03-01 | 2034-03-02 | -          | validUntil | a term one day over 10 years
            2024-03-01 | 9999-12-31 | -          | validUntil | issue 15: year 9999 is a typo or a probe, not an expiry
            2024-03-01 | 2027-03-01 | 9999-12-31 | nextReview | a review after expiry
            2026-11-23 | 2027-03-01 | -          | issuedOn   | issued after today (2026-11-22)
            1949-12-31 | 1955-12-31 | -          | issuedOn   | DateBounds.EARLIEST: nothing recorded before 1950
            2024-03-01 | 2024-03-01 | -          | validUntil | a term that ends the day it starts
            """)
    void shouldNameTheFieldWhenCertificateDatesAreOutOfBounds(LocalDate issued, LocalDate validUntil, LocalDate review,
                                                              String field, String why) {
        LocalDate today = LocalDate.parse("2026-11-22");
        if (field == null) {
            assertDoesNotThrow(() -> rules.checkDates(issued, validUntil, review, today), why);
        } else {
            DomainException e = assertThrows(DomainException.class, () -> rules.checkDates(issued, validUntil, review, today), why);
            assertEquals("INVALID_DATES", e.code(), why);
            assertEquals(field, e.errors().get(0).field(), why);
        }
    }

    private Certificate certificate(CertificateKind kind, LocalDate issued, boolean revoked) {
        LocalDate validUntil = rules.defaultValidUntil(kind, issued);
        return new Certificate("c", "p", "e", kind, "N", "A", issued, validUntil, rules.defaultNextReview(kind, issued, validUntil),
                revoked, null, null, null, List.of(), null);
    }
}
