package io.safetyhub.adapter.opcua;

import org.eclipse.milo.opcua.stack.core.StatusCodes;
import org.eclipse.milo.opcua.stack.core.UaException;

/** What an OPC UA endpoint session is doing, reported per endpoint in readiness data and as a gauge. */
public enum SessionState {
    /** First connection attempts, none refused yet. */
    CONNECTING,
    /** Session active, subscription in place. */
    ACTIVE,
    /** The session was lost; Milo is reconnecting. */
    RECONNECTING,
    /** The server cannot be reached (refused, timed out). */
    UNREACHABLE,
    /** The server offers no endpoint with the configured security policy and mode. */
    NO_MATCHING_ENDPOINT,
    /** The server refused the user name / password (or anonymous access). */
    IDENTITY_REJECTED,
    /** The secure channel failed on certificates: the server's is untrusted, or the server refused ours. */
    CERTIFICATE_REJECTED;

    /** Maps a failed connection attempt to a state, by the OPC UA status code found in its causes. */
    static SessionState ofFailure(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof UaException ua) {
                long code = ua.getStatusCode().value();
                if (code == StatusCodes.Bad_UserAccessDenied
                        || code == StatusCodes.Bad_IdentityTokenInvalid
                        || code == StatusCodes.Bad_IdentityTokenRejected) {
                    return IDENTITY_REJECTED;
                }
                if (code == StatusCodes.Bad_SecurityChecksFailed
                        || code == StatusCodes.Bad_CertificateUntrusted
                        || code == StatusCodes.Bad_CertificateInvalid
                        || code == StatusCodes.Bad_CertificateUriInvalid
                        || code == StatusCodes.Bad_CertificateHostNameInvalid
                        || code == StatusCodes.Bad_CertificateTimeInvalid) {
                    return CERTIFICATE_REJECTED;
                }
            }
        }
        return UNREACHABLE;
    }
}
