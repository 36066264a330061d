package io.safetyhub.adapter.opcua;

import io.safetyhub.adapter.config.AdapterConfig;
import org.eclipse.milo.opcua.sdk.client.OpcUaClientConfigBuilder;
import org.eclipse.milo.opcua.sdk.client.identity.UsernameProvider;
import org.eclipse.milo.opcua.stack.core.security.SecurityPolicy;
import org.eclipse.milo.opcua.stack.core.types.builtin.LocalizedText;
import org.eclipse.milo.opcua.stack.core.types.enumerated.MessageSecurityMode;

import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Supplier;

import static org.eclipse.milo.opcua.stack.core.types.builtin.unsigned.Unsigned.uint;

/**
 * How the adapter opens a session to one endpoint: the configured security policy and mode (for an endpoint not listed
 * in {@code adapter.opc-ua.endpoints}: {@code adapter.opc-ua.default-security-policy} and {@code -mode}, anonymous),
 * its application certificate when the policy needs one, and the user identity.
 */
final class ClientSecurity {
    private final SecurityPolicy policy;
    private final MessageSecurityMode mode;
    private final Optional<String> username;
    private final Optional<String> password;
    private final Supplier<ClientPki> pki;
    private final Duration requestTimeout;

    /** {@code pki} is asked for only when the policy is not None. */
    ClientSecurity(SecurityPolicy policy, MessageSecurityMode mode, Optional<String> username,
                   Optional<String> password, Supplier<ClientPki> pki, Duration requestTimeout) {
        this.policy = policy;
        this.mode = policy == SecurityPolicy.None ? MessageSecurityMode.None : mode;
        this.username = username;
        this.password = password;
        this.pki = pki;
        this.requestTimeout = requestTimeout;
    }

    /** The security of {@code url}: its entry in {@code adapter.opc-ua.endpoints}, else the configured default. */
    static ClientSecurity of(String url, AdapterConfig.OpcUa config, Supplier<ClientPki> pki) {
        return config.endpoints().values().stream().filter(e -> e.url().equals(url)).findFirst()
                .map(e -> new ClientSecurity(policy(e.securityPolicy()), mode(e.securityMode()), e.username(),
                        e.password(), pki, config.requestTimeout()))
                .orElseGet(() -> new ClientSecurity(policy(config.defaultSecurityPolicy()),
                        mode(config.defaultSecurityMode()), Optional.empty(), Optional.empty(), pki,
                        config.requestTimeout()));
    }

    /** Milo's policy of a configured name (the configuration names Milo's values without loading Milo). */
    static SecurityPolicy policy(AdapterConfig.SecurityPolicyName name) {
        return SecurityPolicy.valueOf(name.name());
    }

    /** Milo's mode of a configured name. */
    static MessageSecurityMode mode(AdapterConfig.SecurityModeName name) {
        return MessageSecurityMode.valueOf(name.name());
    }

    SecurityPolicy policy() {
        return policy;
    }

    MessageSecurityMode mode() {
        return mode;
    }

    String identity() {
        return username.map(u -> "user " + u).orElse("anonymous");
    }

    /** Fills the client configuration; opens (or creates) the PKI first when the policy is not None. */
    void configure(OpcUaClientConfigBuilder builder, ClientPki own) {
        builder.setApplicationName(LocalizedText.english("SafetyHub device-adapter"))
                .setApplicationUri(ClientPki.APPLICATION_URI)
                .setRequestTimeout(uint(requestTimeout.toMillis()));
        if (own != null) {
            builder.setKeyPair(own.keyPair())
                    .setCertificate(own.certificate())
                    .setCertificateChain(new X509Certificate[]{own.certificate()})
                    .setCertificateValidator(own.validator());
        }
        if (username.isPresent()) {
            String secret = password.orElse("");
            builder.setIdentityProvider(own == null ? new UsernameProvider(username.get(), secret)
                    : new UsernameProvider(username.get(), secret, own.validator()));
        }
    }

    /** The certificate and trust list, or null when the policy is None. */
    ClientPki pki() {
        return policy == SecurityPolicy.None ? null : pki.get();
    }
}
