package io.safetyhub.adapter.credential;

import io.safetyhub.adapter.config.AdapterConfig;
import jakarta.enterprise.context.ApplicationScoped;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.List;

/**
 * The CA(s) that issue device certificates ({@code adapter.mqtt.tls.client-ca}, PEM): the TLS listener trusts them,
 * and a certificate an operator registers must be issued by one of them. Read once at start; a configured file that
 * cannot be read stops the start, rather than leaving devices unable to log in without a word.
 */
@ApplicationScoped
public class DeviceCa {
    private final List<X509Certificate> certificates;
    private final String path;

    public DeviceCa(AdapterConfig config) {
        this.path = config.mqtt().tls().clientCa().orElse(null);
        this.certificates = path == null ? List.of() : read(Path.of(path));
    }

    /** Empty when no device CA is configured: certificate credentials are then refused. */
    public List<X509Certificate> certificates() {
        return certificates;
    }

    public String path() {
        return path;
    }

    private static List<X509Certificate> read(Path file) {
        try {
            List<X509Certificate> all = ClientCertificates.parseAll(Files.readAllBytes(file));
            if (all.isEmpty()) {
                throw new IllegalStateException("adapter.mqtt.tls.client-ca " + file + " holds no certificate");
            }
            return all;
        } catch (IOException | CertificateException e) {
            throw new IllegalStateException("adapter.mqtt.tls.client-ca " + file + " cannot be read: " + e.getMessage(), e);
        }
    }
}
