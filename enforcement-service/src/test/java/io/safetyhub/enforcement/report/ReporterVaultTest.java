package io.safetyhub.enforcement.report;

import org.junit.jupiter.api.Test;

import java.util.Base64;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** AES-256-GCM sealing of reporters: what goes in comes out, only with the key and only on its own report. */
class ReporterVaultTest {
    private static final String KEY = Base64.getEncoder().encodeToString(new byte[32]);
    private static final ReporterVault.Reporter LI = new ReporterVault.Reporter("李小红", "13987654321", "11010519491231002X", null);

    @Test
    void shouldOpenWhatItSealedWhenTheKeyAndReportMatch() {
        ReporterVault vault = new ReporterVault(KEY);
        String sealed = vault.seal("rp-1", LI);
        assertFalse(sealed.contains("13987654321") || sealed.contains("李小红"));
        assertEquals(LI, vault.open("rp-1", sealed));
        assertNotEquals(sealed, vault.seal("rp-1", LI), "a fresh nonce per sealing");
    }

    @Test
    void shouldRefuseWhenTheSealIsMovedToAnotherReportOrTamperedWith() {
        ReporterVault vault = new ReporterVault(KEY);
        String sealed = vault.seal("rp-1", LI);
        assertThrows(IllegalStateException.class, () -> vault.open("rp-2", sealed));
        byte[] bytes = Base64.getDecoder().decode(sealed.substring(3));
        bytes[bytes.length - 1] ^= 1;
        assertThrows(IllegalStateException.class, () -> vault.open("rp-1", "v1:" + Base64.getEncoder().encodeToString(bytes)));
        byte[] other = new byte[32];
        other[0] = 1;
        assertThrows(IllegalStateException.class, () -> new ReporterVault(Base64.getEncoder().encodeToString(other)).open("rp-1", sealed));
    }

    @Test
    void shouldRefuseToStartWhenTheKeyIsNotThirtyTwoBytesOfBase64() {
        assertThrows(IllegalStateException.class, () -> new ReporterVault(Base64.getEncoder().encodeToString(new byte[16])));
        assertThrows(IllegalStateException.class, () -> new ReporterVault("not base64 at all!"));
    }
}
