package io.safetyhub.adapter.opcua;

import io.safetyhub.adapter.config.AdapterConfig;
import org.eclipse.milo.opcua.sdk.client.OpcUaClientConfigBuilder;
import org.eclipse.milo.opcua.sdk.client.identity.UsernameProvider;
import org.eclipse.milo.opcua.stack.core.security.SecurityPolicy;
import org.eclipse.milo.opcua.stack.core.types.builtin.LocalizedText;
import org.eclipse.milo.opcua.stack.core.types.enumerated.MessageSecurityMode;

import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.function.Supplier;

import static org.eclipse.milo.opcua.stack.core.types.builtin.unsigned.Unsigned.uint;

/**
 * How the adapter opens a session to one endpoint: the configured security policy and mode (None when the endpoint is
 * not configured), its application certificate when the policy needs one, and the user identity.
 */
final class ClientSecurity {
    private final AdapterConfig.Endpoint endpoint;
    private final Supplier<ClientPki> pki;
    private final Duration requestTimeout;

    /** {@code endpoint} null: policy None, anonymous. {@code pki} is asked for only when the policy is not None. */
    ClientSecurity(AdapterConfig.Endpoint endpoint, Supplier<ClientPki> pki, Duration requestTimeout) {
        this.endpoint = endpoint;
        this.pki = pki;
        this.requestTimeout = requestTimeout;
    }

    SecurityPolicy policy() {
        return endpoint == null ? SecurityPolicy.None : endpoint.securityPolicy();
    }

    MessageSecurityMode mode() {
        return policy() == SecurityPolicy.None ? MessageSecurityMode.None : endpoint.securityMode();
    }

    String identity() {
        return endpoint != null && endpoint.username().isPresent() ? "user " + endpoint.username().get() : "anonymous";
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
        if (endpoint != null && endpoint.username().isPresent()) {
            String password = endpoint.password().orElse("");
            builder.setIdentityProvider(own == null ? new UsernameProvider(endpoint.username().get(), password)
                    : new UsernameProvider(endpoint.username().get(), password, own.validator()));
        }
    }

    /** The certificate and trust list, or null when the policy is None. */
    ClientPki pki() {
        return policy() == SecurityPolicy.None ? null : pki.get();
    }
}
