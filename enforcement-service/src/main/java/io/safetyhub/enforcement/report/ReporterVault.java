package io.safetyhub.enforcement.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.runtime.Startup;
import io.safetyhub.enforcement.config.EnforcementConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * Seals a reporter's identity and contact with AES-256-GCM (random 96-bit nonce, 128-bit tag) under the key of
 * {@code enforcement.reports.encryption-key}. The report's id is the associated data, so a sealed identity copied
 * onto another report does not open. Checked at startup: without a valid key the service does not start, rather
 * than take reports it could not protect.
 */
@ApplicationScoped
@Startup
public class ReporterVault {
    private static final String VERSION = "v1:";
    private static final int NONCE = 12;

    private final SecretKeySpec key;
    private final SecureRandom random = new SecureRandom();
    private final ObjectMapper json = new ObjectMapper();

    @Inject
    public ReporterVault(EnforcementConfig config) {
        this(config.reports().encryptionKey());
    }

    ReporterVault(String base64Key) {
        byte[] raw;
        try {
            raw = Base64.getDecoder().decode(base64Key.strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("enforcement.reports.encryption-key is not Base64", e);
        }
        if (raw.length != 32) {
            throw new IllegalStateException("enforcement.reports.encryption-key must be 32 bytes (AES-256), not " + raw.length);
        }
        this.key = new SecretKeySpec(raw, "AES");
    }

    /** Who reported and how to reach them; every field may be null. */
    public record Reporter(String name, String phone, String idNumber, String contact) {
    }

    public String seal(String reportId, Reporter reporter) {
        try {
            byte[] nonce = new byte[NONCE];
            random.nextBytes(nonce);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(128, nonce));
            cipher.updateAAD(reportId.getBytes(StandardCharsets.UTF_8));
            byte[] sealed = cipher.doFinal(json.writeValueAsBytes(reporter));
            return VERSION + Base64.getEncoder().encodeToString(ByteBuffer.allocate(NONCE + sealed.length).put(nonce).put(sealed).array());
        } catch (GeneralSecurityException | JsonProcessingException e) {
            throw new IllegalStateException("cannot seal the reporter of " + reportId, e);
        }
    }

    public Reporter open(String reportId, String sealed) {
        if (sealed == null || !sealed.startsWith(VERSION)) {
            throw new IllegalStateException("report " + reportId + " holds no sealed reporter of a known version");
        }
        try {
            byte[] all = Base64.getDecoder().decode(sealed.substring(VERSION.length()));
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(128, all, 0, NONCE));
            cipher.updateAAD(reportId.getBytes(StandardCharsets.UTF_8));
            return json.readValue(cipher.doFinal(all, NONCE, all.length - NONCE), Reporter.class);
        } catch (GeneralSecurityException | java.io.IOException e) {
            throw new IllegalStateException("the reporter of " + reportId + " does not open with this key", e);
        }
    }
}
