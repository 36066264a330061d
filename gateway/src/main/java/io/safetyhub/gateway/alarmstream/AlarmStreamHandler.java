package io.safetyhub.gateway.alarmstream;

import io.quarkus.security.identity.SecurityIdentity;
import io.safetyhub.gateway.error.Problems;
import io.safetyhub.gateway.security.Callers;
import io.safetyhub.platform.Caller;
import io.safetyhub.platform.Strings;
import io.vertx.core.Handler;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.RoutingContext;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * {@code GET /api/alarms/stream}: the live alarm feed as Server-Sent Events, served by the gateway itself
 * (the route policy has already admitted the caller). A {@code Last-Event-ID} header, or the
 * {@code lastEventId} query parameter for EventSource's first connect, replays what was missed, or sends
 * a {@code reload} event when that lies outside the window. The stream lives no longer than the token that
 * opened it: at the token's {@code exp} the gateway sends {@code event: token-expired} and ends it, and the
 * client opens a new one with a fresh token and its last event id.
 */
public class AlarmStreamHandler implements Handler<RoutingContext> {
    public static final String PATH = "/api/alarms/stream";
    /** The event that precedes the end of a stream whose token expired. */
    static final String TOKEN_EXPIRED_FRAME = "event: token-expired\ndata: {\"reason\":\"the access token expired; "
            + "open the stream again with a fresh token and the last event id\"}\n\n";
    /** What a browser's EventSource waits before reconnecting. */
    private static final int RETRY_MILLIS = 3_000;

    private final AlarmFeed feed;

    public AlarmStreamHandler(AlarmFeed feed) {
        this.feed = feed;
    }

    @Override
    public void handle(RoutingContext ctx) {
        SecurityIdentity identity = Callers.identity(ctx);
        Caller caller = Callers.of(identity);
        if (caller.isEnterpriseWithoutId()) {
            Problems.send(ctx, 403, "FORBIDDEN", "this account is bound to no enterprise");
            return;
        }
        if (caller.confinedTown() != null) {
            // Alarm events name enterprise and district only: a town or grid cannot be filtered here. The
            // console falls back to /api/alarms, which the warning-service narrows to the town itself.
            Problems.send(ctx, 403, "FORBIDDEN", "the live stream cannot be narrowed to a town or grid yet; "
                    + "read /api/alarms instead");
            return;
        }
        String lastEventId = Strings.blankToNull(ctx.request().getHeader("Last-Event-ID"));
        if (lastEventId == null) {
            lastEventId = Strings.blankToNull(ctx.request().getParam("lastEventId"));
        }
        ctx.request().resume();
        HttpServerResponse response = ctx.response();
        response.setChunked(true)
                .putHeader("Content-Type", "text/event-stream; charset=utf-8")
                .putHeader("Cache-Control", "no-store")
                // Reverse proxies (nginx) must pass events on at once instead of buffering them.
                .putHeader("X-Accel-Buffering", "no");
        long[] expiryTimer = {-1};
        StreamClient[] holder = new StreamClient[1];
        StreamClient client = new StreamClient(response, ctx.vertx().getOrCreateContext(), caller, () -> {
            feed.unsubscribe(holder[0]);
            ctx.vertx().cancelTimer(expiryTimer[0]);
        });
        holder[0] = client;
        response.closeHandler(v -> {
            feed.unsubscribe(client);
            ctx.vertx().cancelTimer(expiryTimer[0]);
        });
        Optional<Duration> lifetime = lifetime(Callers.tokenExpiry(identity), Instant.now());
        lifetime.ifPresent(left -> expiryTimer[0] = ctx.vertx().setTimer(left.toMillis(),
                id -> client.end(TOKEN_EXPIRED_FRAME)));
        client.write("retry: " + RETRY_MILLIS + "\n: connected\n\n");
        List<StreamedAlarm> missed = feed.subscribe(client, lastEventId);
        if (missed == null) {
            client.write("event: reload\ndata: {\"reason\":\"events since " + sanitize(lastEventId)
                    + " are no longer held; reload the current state\"}\n\n");
            return;
        }
        missed.forEach(alarm -> client.write(alarm.frame()));
    }

    /**
     * How long a stream opened now may stay open: until the token's expiry, at least a millisecond (the token
     * was valid a moment ago when it was verified); unbounded (empty) for a token without expiry.
     */
    static Optional<Duration> lifetime(Optional<Instant> expiry, Instant now) {
        return expiry.map(exp -> {
            Duration left = Duration.between(now, exp);
            return left.toMillis() < 1 ? Duration.ofMillis(1) : left;
        });
    }

    /** The id is echoed back inside JSON and must not break the frame. */
    private static String sanitize(String id) {
        String safe = id.replaceAll("[^A-Za-z0-9._:-]", "");
        return safe.length() > 64 ? safe.substring(0, 64) : safe;
    }
}
