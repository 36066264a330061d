package io.safetyhub.adapter.credential;

import io.safetyhub.adapter.testing.TestPki;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ClientCertificatesTest {
    private final TestPki.Issued ca = TestPki.ca("device CA");
    private final TestPki.Issued device = TestPki.issue(ca, "GA-0001", null, Duration.ofDays(1));

    @Test
    void shouldReadTheDeviceIdWhenTheCertificateIsPem() {
        var parsed = ClientCertificates.parse(device.certificatePem());

        assertEquals("GA-0001", ClientCertificates.commonName(parsed).orElseThrow());
        assertEquals(ClientCertificates.sha256(device.certificate()), ClientCertificates.sha256(parsed));
        assertEquals(64, ClientCertificates.sha256(parsed).length());
    }

    @Test
    void shouldTellTheIssuingCaWhenVerifying() {
        TestPki.Issued otherCa = TestPki.ca("someone else's CA");

        assertTrue(ClientCertificates.issuedBy(device.certificate(), List.of(ca.certificate())));
        assertFalse(ClientCertificates.issuedBy(device.certificate(), List.of(otherCa.certificate())));
        assertFalse(ClientCertificates.issuedBy(device.certificate(), List.of()));
    }

    @Test
    void shouldFingerprintTwoCertificatesOfOneDeviceApartWhenRotated() {
        TestPki.Issued next = TestPki.issue(ca, "GA-0001", null, Duration.ofDays(1));

        assertNotEquals(ClientCertificates.sha256(device.certificate()), ClientCertificates.sha256(next.certificate()));
    }

    @Test
    void shouldRefuseWhenTheTextIsNoCertificate() {
        assertThrows(IllegalArgumentException.class, () -> ClientCertificates.parse("-----BEGIN CERTIFICATE-----\nAAAA"));
        assertThrows(IllegalArgumentException.class, () -> ClientCertificates.parse(device.certificatePem()
                + device.certificatePem()));
    }
}
