package io.safetyhub.gateway.alarmstream;

import io.vertx.core.Context;
import io.vertx.core.http.HttpServerResponse;

/**
 * One open stream. Frames are written on the connection's own event loop; a client that does not read
 * (its write queue is full) is cut off rather than buffered without bound, and comes back with its
 * Last-Event-ID to replay what it missed.
 */
final class StreamClient {
    private final HttpServerResponse response;
    private final Context context;
    private final CallerScope scope;
    private final Runnable onClose;

    StreamClient(HttpServerResponse response, Context context, CallerScope scope, Runnable onClose) {
        this.response = response;
        this.context = context;
        this.scope = scope;
        this.onClose = onClose;
    }

    CallerScope scope() {
        return scope;
    }

    void send(String frame) {
        context.runOnContext(v -> write(frame));
    }

    /** Writes on the caller's thread, which must be the connection's context (replay at subscribe). */
    void write(String frame) {
        if (response.ended() || response.closed()) {
            return;
        }
        if (response.writeQueueFull()) {
            close();
            return;
        }
        response.write(frame);
    }

    void close() {
        context.runOnContext(v -> {
            if (!response.ended() && !response.closed()) {
                response.end();
            }
            onClose.run();
        });
    }
}
