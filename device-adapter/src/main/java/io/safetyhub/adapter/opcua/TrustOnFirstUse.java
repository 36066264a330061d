package io.safetyhub.adapter.opcua;

import org.eclipse.milo.opcua.stack.core.UaException;
import org.eclipse.milo.opcua.stack.core.security.CertificateValidator;
import org.eclipse.milo.opcua.stack.core.security.TrustListManager;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;

/**
 * Trust on first use, for laptops and tests: the first certificate a server application (by its application URI)
 * presents is pinned under {@code pinned/} and added to the trust list; from then on the ordinary validation applies,
 * so a server presenting a different certificate later is refused. Production uses the explicit trust list only.
 */
final class TrustOnFirstUse implements CertificateValidator {
    private static final Logger LOG = Logger.getLogger(TrustOnFirstUse.class);

    private final CertificateValidator delegate;
    private final TrustListManager trustList;
    private final Path pins;

    TrustOnFirstUse(CertificateValidator delegate, TrustListManager trustList, Path pins) {
        this.delegate = delegate;
        this.trustList = trustList;
        this.pins = pins;
    }

    @Override
    public synchronized void validateCertificateChain(List<X509Certificate> chain, String applicationUri,
                                                      String[] validHostNames) throws UaException {
        try {
            delegate.validateCertificateChain(chain, applicationUri, validHostNames);
        } catch (UaException untrusted) {
            if (chain.isEmpty() || !pinFirst(chain.get(0), applicationUri)) {
                throw untrusted;
            }
            delegate.validateCertificateChain(chain, applicationUri, validHostNames);
        }
    }

    /** Pins {@code certificate} if this application has no pin yet; false when it has one (for another certificate). */
    private boolean pinFirst(X509Certificate certificate, String applicationUri) throws UaException {
        try {
            Path pin = pins.resolve(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(String.valueOf(applicationUri).getBytes(StandardCharsets.UTF_8))) + ".der");
            if (Files.exists(pin)) {
                if (!Arrays.equals(Files.readAllBytes(pin), certificate.getEncoded())) {
                    LOG.warnf("OPC UA server %s presents a certificate other than the one pinned on first use (%s); "
                            + "refused", applicationUri, certificate.getSubjectX500Principal());
                }
                return false;
            }
            Files.write(pin, certificate.getEncoded());
            trustList.addTrustedCertificate(certificate);
            LOG.infof("OPC UA server %s: certificate %s trusted on first use", applicationUri,
                    certificate.getSubjectX500Principal());
            return true;
        } catch (IOException | CertificateEncodingException | java.security.NoSuchAlgorithmException e) {
            LOG.warnf("cannot pin the certificate of %s: %s", applicationUri, e.getMessage());
            return false;
        }
    }
}
