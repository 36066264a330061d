package io.safetyhub.gateway.proxy;

import java.net.ConnectException;
import java.net.UnknownHostException;
import java.util.concurrent.TimeoutException;

/**
 * What an upstream failure means to the caller: nobody listening is 503 (retry later), no answer in time
 * is 504, anything else (reset, garbled response) is 502. The detail names the service, never its address.
 *
 * @param status  HTTP status for the caller
 * @param code    stable problem code
 * @param outcome metric tag value
 * @param detail  sentence for the caller
 */
record UpstreamFailure(int status, String code, String outcome, String detail) {

    static UpstreamFailure classify(Throwable failure, String upstream, long timeoutMillis) {
        Throwable cause = rootOf(failure);
        if (cause instanceof ConnectException || cause instanceof UnknownHostException) {
            return new UpstreamFailure(503, "UPSTREAM_UNAVAILABLE", "unavailable",
                    upstream + " is not reachable; try again shortly");
        }
        if (cause instanceof TimeoutException) {
            return new UpstreamFailure(504, "UPSTREAM_TIMEOUT", "timeout",
                    upstream + " did not answer within " + timeoutMillis + " ms");
        }
        return new UpstreamFailure(502, "UPSTREAM_FAILED", "failed",
                upstream + " failed to give a valid answer");
    }

    private static Throwable rootOf(Throwable failure) {
        Throwable current = failure;
        // Connect and timeout errors may arrive wrapped (CompletionException, VertxException).
        while (current.getCause() != null && current.getCause() != current
                && !(current instanceof ConnectException) && !(current instanceof TimeoutException)) {
            current = current.getCause();
        }
        return current;
    }
}
