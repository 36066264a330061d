package io.safetyhub.simulator.opcua;

import org.eclipse.milo.opcua.stack.core.util.SelfSignedCertificateBuilder;
import org.eclipse.milo.opcua.stack.core.util.SelfSignedCertificateGenerator;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.KeyPair;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.time.Period;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The tank farm's secure endpoint: users allowed on it ({@code user -> password}) and the directory keeping the
 * server's certificate ({@code server.pfx}, generated on first start and reused, so that a client trusting it on first
 * use still trusts it after a restart; {@code server.der} is the certificate to trust explicitly).
 */
public record ServerSecurity(Path pkiDir, Map<String, String> users) {
    public static final String APPLICATION_URI = "urn:safetyhub:simulator";
    private static final String ALIAS = "tank-farm";
    private static final char[] PASSWORD = "safetyhub-simulator".toCharArray();

    public ServerSecurity {
        users = Map.copyOf(users);
    }

    /** User {@code plant} / {@code safetyhub}, certificate under {@code ~/.safetyhub-simulator/pki}. */
    public static ServerSecurity defaults() {
        return new ServerSecurity(Path.of(System.getProperty("user.home"), ".safetyhub-simulator", "pki"),
                Map.of("plant", "safetyhub"));
    }

    /** Parses {@code user:password[,user:password…]}; a password may contain ':' after the first one. */
    public static Map<String, String> parseUsers(String spec) {
        Map<String, String> users = new LinkedHashMap<>();
        for (String entry : spec.split(",")) {
            int colon = entry.indexOf(':');
            if (colon <= 0 || colon == entry.length() - 1) {
                throw new IllegalArgumentException("expected user:password, got '" + entry + "'");
            }
            users.put(entry.substring(0, colon).trim(), entry.substring(colon + 1));
        }
        return users;
    }

    boolean accepts(String user, String password) {
        return user != null && password != null && password.equals(users.get(user));
    }

    /** The server's key pair and certificate, loaded from {@code server.pfx} or generated and stored there. */
    Credentials credentials() throws Exception {
        Files.createDirectories(pkiDir);
        Path store = pkiDir.resolve("server.pfx");
        KeyStore keyStore = KeyStore.getInstance("PKCS12");
        if (Files.exists(store)) {
            try (InputStream in = Files.newInputStream(store)) {
                keyStore.load(in, PASSWORD);
            }
        } else {
            keyStore.load(null, PASSWORD);
            KeyPair generated = SelfSignedCertificateGenerator.generateRsaKeyPair(2048);
            X509Certificate certificate = new SelfSignedCertificateBuilder(generated)
                    .setCommonName("SafetyHub simulated tank farm")
                    .setOrganization("SafetyHub")
                    .setApplicationUri(APPLICATION_URI)
                    .addDnsName("localhost")
                    .addDnsName(InetAddress.getLocalHost().getHostName())
                    .addIpAddress("127.0.0.1")
                    .setValidityPeriod(Period.ofYears(5))
                    .build();
            keyStore.setKeyEntry(ALIAS, generated.getPrivate(), PASSWORD, new X509Certificate[]{certificate});
            // Written aside and moved: two simulators starting at once must not read a half-written store.
            Path partial = Files.createTempFile(pkiDir, "server", ".pfx.part");
            try (OutputStream out = Files.newOutputStream(partial)) {
                keyStore.store(out, PASSWORD);
            }
            Files.write(pkiDir.resolve("server.der"), certificate.getEncoded());
            try {
                Files.move(partial, store, StandardCopyOption.ATOMIC_MOVE);
            } catch (java.nio.file.FileAlreadyExistsException raced) {
                Files.deleteIfExists(partial);
                return credentials();
            }
        }
        X509Certificate certificate = (X509Certificate) keyStore.getCertificate(ALIAS);
        return new Credentials(new KeyPair(certificate.getPublicKey(), (PrivateKey) keyStore.getKey(ALIAS, PASSWORD)),
                certificate);
    }

    /** A key pair and its certificate. */
    record Credentials(KeyPair keyPair, X509Certificate certificate) {
    }
}
