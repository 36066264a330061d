package io.safetyhub.adapter.credential;

import javax.naming.InvalidNameException;
import javax.naming.ldap.LdapName;
import javax.naming.ldap.Rdn;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.cert.CertPathValidator;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.PKIXParameters;
import java.security.cert.TrustAnchor;
import java.security.cert.X509Certificate;
import java.util.Collection;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/** Reading device certificates: PEM, the subject's CN (the device id), the fingerprint, the issuing CA. */
public final class ClientCertificates {
    private ClientCertificates() {
    }

    /** One X.509 certificate from PEM (or DER); IllegalArgumentException when it is not one. */
    public static X509Certificate parse(String pem) {
        try {
            Collection<? extends java.security.cert.Certificate> all = CertificateFactory.getInstance("X.509")
                    .generateCertificates(new ByteArrayInputStream(pem.strip().getBytes(StandardCharsets.US_ASCII)));
            if (all.size() != 1 || !(all.iterator().next() instanceof X509Certificate cert)) {
                throw new IllegalArgumentException("expected exactly one X.509 certificate, found " + all.size());
            }
            return cert;
        } catch (CertificateException e) {
            throw new IllegalArgumentException("not a PEM X.509 certificate: " + e.getMessage(), e);
        }
    }

    /** Every certificate of a PEM bundle (the trusted device CAs). */
    public static List<X509Certificate> parseAll(byte[] pem) throws CertificateException {
        return CertificateFactory.getInstance("X.509").generateCertificates(new ByteArrayInputStream(pem)).stream()
                .map(X509Certificate.class::cast).toList();
    }

    /** The subject's common name: the device id a certificate authenticates. */
    public static Optional<String> commonName(X509Certificate cert) {
        try {
            LdapName name = new LdapName(cert.getSubjectX500Principal().getName());
            return name.getRdns().stream().filter(rdn -> rdn.getType().equalsIgnoreCase("CN"))
                    .map(Rdn::getValue).map(String::valueOf).reduce((first, second) -> second);
        } catch (InvalidNameException e) {
            return Optional.empty();
        }
    }

    public static String sha256(X509Certificate cert) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(cert.getEncoded()));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot fingerprint a certificate", e);
        }
    }

    /** True when {@code cert} chains directly to one of {@code cas} (the device CA signs device certificates). */
    public static boolean issuedBy(X509Certificate cert, List<X509Certificate> cas) {
        if (cas.isEmpty()) {
            return false;
        }
        try {
            Set<TrustAnchor> anchors = cas.stream().map(ca -> new TrustAnchor(ca, null)).collect(Collectors.toSet());
            PKIXParameters params = new PKIXParameters(anchors);
            params.setRevocationEnabled(false);
            CertPathValidator.getInstance("PKIX").validate(
                    CertificateFactory.getInstance("X.509").generateCertPath(List.of(cert)), params);
            return true;
        } catch (GeneralSecurityException e) {
            return false;
        }
    }
}
