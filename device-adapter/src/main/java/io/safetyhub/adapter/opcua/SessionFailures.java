package io.safetyhub.adapter.opcua;

import io.safetyhub.adapter.config.AdapterConfig;
import org.eclipse.milo.opcua.stack.core.security.SecurityPolicy;
import org.eclipse.milo.opcua.stack.core.types.enumerated.MessageSecurityMode;

import java.nio.file.Path;

/** The one log line an operator gets when an endpoint session cannot be opened: what failed and what to do. */
final class SessionFailures {
    private SessionFailures() {
    }

    static String describe(String url, SessionState state, SecurityPolicy policy, MessageSecurityMode mode,
                           String identity, Throwable failure, AdapterConfig.OpcUa config) {
        Path pki = Path.of(config.pkiDir()).toAbsolutePath();
        String retry = "; retrying with back-off up to " + config.reconnectMaxDelay();
        return switch (state) {
            case IDENTITY_REJECTED -> "OPC UA endpoint " + url + " refused the session identity (" + identity + "): "
                    + failure.getMessage() + "; check adapter.opc-ua.endpoints.<name>.username/password" + retry;
            case CERTIFICATE_REJECTED -> "OPC UA endpoint " + url + " failed the certificate check (" + failure.getMessage()
                    + "); trust the server by moving its certificate from " + pki.resolve("rejected/certs") + " to "
                    + pki.resolve("trusted/certs") + ", and the server must trust " + pki.resolve("own/adapter.der")
                    + retry;
            case NO_MATCHING_ENDPOINT -> "OPC UA endpoint " + url + " offers no endpoint with security " + policy + "/"
                    + mode + "; check adapter.opc-ua.endpoints.<name>.security-policy/security-mode" + retry;
            default -> "OPC UA endpoint " + url + " unreachable (" + failure.getMessage() + ")" + retry;
        };
    }
}
