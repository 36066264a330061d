package io.safetyhub.gateway.alarmstream;

import io.safetyhub.events.AlarmEvent;
import io.safetyhub.platform.Caller;
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
    private final Caller caller;
    private final Runnable onClose;

    StreamClient(HttpServerResponse response, Context context, Caller caller, Runnable onClose) {
        this.response = response;
        this.context = context;
        this.caller = caller;
        this.onClose = onClose;
    }

    /**
     * The platform's tenant rule for this client. Alarm events name the enterprise and its district but no town
     * or grid, so a regulator confined to a town or grid is shown nothing rather than its whole district.
     */
    boolean admits(AlarmEvent event) {
        return caller.sees(event.enterpriseId(), event.district(), null, null);
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

    /** Sends a last frame and ends the stream (the token behind it expired). */
    void end(String lastFrame) {
        context.runOnContext(v -> {
            write(lastFrame);
            close();
        });
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
