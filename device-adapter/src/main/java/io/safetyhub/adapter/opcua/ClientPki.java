package io.safetyhub.adapter.opcua;

import io.safetyhub.adapter.config.AdapterConfig;
import org.eclipse.milo.opcua.stack.core.security.CertificateValidator;
import org.eclipse.milo.opcua.stack.core.security.DefaultClientCertificateValidator;
import org.eclipse.milo.opcua.stack.core.security.FileBasedCertificateQuarantine;
import org.eclipse.milo.opcua.stack.core.security.FileBasedTrustListManager;
import org.eclipse.milo.opcua.stack.core.util.SelfSignedCertificateBuilder;
import org.eclipse.milo.opcua.stack.core.util.SelfSignedCertificateGenerator;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.time.Period;

/**
 * The adapter's OPC UA application instance certificate and its trust store, kept in {@code adapter.opc-ua.pki-dir}.
 * The key pair and self-signed certificate are generated on first start and reused afterwards, because a plant server
 * trusts the adapter by that certificate: a new one on every start would have to be trusted again each time.
 */
final class ClientPki implements AutoCloseable {
    static final String APPLICATION_URI = "urn:safetyhub:device-adapter";
    private static final Logger LOG = Logger.getLogger(ClientPki.class);
    private static final String ALIAS = "device-adapter";

    private final KeyPair keyPair;
    private final X509Certificate certificate;
    private final FileBasedTrustListManager trustList;
    private final CertificateValidator validator;

    private ClientPki(KeyPair keyPair, X509Certificate certificate, FileBasedTrustListManager trustList,
                      CertificateValidator validator) {
        this.keyPair = keyPair;
        this.certificate = certificate;
        this.trustList = trustList;
        this.validator = validator;
    }

    static ClientPki open(AdapterConfig.OpcUa config) throws Exception {
        Path dir = Path.of(config.pkiDir()).toAbsolutePath();
        Path own = Files.createDirectories(dir.resolve("own"));
        Path store = own.resolve("adapter.pfx");
        char[] password = config.keystorePassword().toCharArray();
        KeyStore keyStore = KeyStore.getInstance("PKCS12");
        if (Files.exists(store)) {
            try (InputStream in = Files.newInputStream(store)) {
                keyStore.load(in, password);
            }
        } else {
            keyStore.load(null, password);
            KeyPair generated = SelfSignedCertificateGenerator.generateRsaKeyPair(2048);
            X509Certificate created = new SelfSignedCertificateBuilder(generated)
                    .setCommonName("SafetyHub device-adapter")
                    .setOrganization("SafetyHub")
                    .setApplicationUri(APPLICATION_URI)
                    .addDnsName(hostname())
                    .addDnsName("localhost")
                    .addIpAddress("127.0.0.1")
                    .setValidityPeriod(Period.ofYears(5))
                    .build();
            keyStore.setKeyEntry(ALIAS, generated.getPrivate(), password, new X509Certificate[]{created});
            try (OutputStream out = Files.newOutputStream(store)) {
                keyStore.store(out, password);
            }
            Files.write(own.resolve("adapter.der"), created.getEncoded());
            LOG.infof("OPC UA application certificate generated in %s (import own/adapter.der into a plant server's "
                    + "trust list)", dir);
        }
        X509Certificate certificate = (X509Certificate) keyStore.getCertificate(ALIAS);
        KeyPair keyPair = new KeyPair(certificate.getPublicKey(), (PrivateKey) keyStore.getKey(ALIAS, password));
        FileBasedTrustListManager trustList = FileBasedTrustListManager.createAndInitialize(dir);
        FileBasedCertificateQuarantine rejected = FileBasedCertificateQuarantine.create(dir.resolve("rejected").resolve("certs"));
        CertificateValidator validator = new DefaultClientCertificateValidator(trustList, rejected);
        if (config.trustPolicy() == AdapterConfig.TrustPolicy.TRUST_ON_FIRST_USE) {
            validator = new TrustOnFirstUse(validator, trustList, Files.createDirectories(dir.resolve("pinned")));
        }
        return new ClientPki(keyPair, certificate, trustList, validator);
    }

    KeyPair keyPair() {
        return keyPair;
    }

    X509Certificate certificate() {
        return certificate;
    }

    /** Validates the certificates servers present, per the configured trust policy. */
    CertificateValidator validator() {
        return validator;
    }

    @Override
    public void close() {
        try {
            trustList.close();
        } catch (IOException e) {
            LOG.debugf("closing the trust list: %s", e.getMessage());
        }
    }

    private static String hostname() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            return "localhost";
        }
    }
}
