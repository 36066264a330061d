package io.safetyhub.gateway.alarmstream;

import io.quarkus.security.identity.SecurityIdentity;
import io.safetyhub.gateway.error.Problems;
import io.safetyhub.gateway.proxy.AccessHandler;
import io.vertx.core.Handler;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.RoutingContext;

import java.util.List;

/**
 * {@code GET /api/alarms/stream}: the live alarm feed as Server-Sent Events, served by the gateway itself
 * (the route policy has already admitted the caller). A {@code Last-Event-ID} header, or the
 * {@code lastEventId} query parameter for EventSource's first connect, replays what was missed, or sends
 * a {@code reload} event when that lies outside the window.
 */
public class AlarmStreamHandler implements Handler<RoutingContext> {
    public static final String PATH = "/api/alarms/stream";
    /** What a browser's EventSource waits before reconnecting. */
    private static final int RETRY_MILLIS = 3_000;

    private final AlarmFeed feed;

    public AlarmStreamHandler(AlarmFeed feed) {
        this.feed = feed;
    }

    @Override
    public void handle(RoutingContext ctx) {
        SecurityIdentity identity = ctx.get(AccessHandler.IDENTITY_KEY);
        CallerScope scope = CallerScope.of(identity);
        if (!scope.all() && scope.enterpriseId() == null && scope.district() == null) {
            Problems.send(ctx, 403, "FORBIDDEN", "this account is bound to no enterprise or district");
            return;
        }
        String lastEventId = ctx.request().getHeader("Last-Event-ID");
        if (lastEventId == null || lastEventId.isBlank()) {
            lastEventId = ctx.request().getParam("lastEventId");
        }
        ctx.request().resume();
        HttpServerResponse response = ctx.response();
        response.setChunked(true)
                .putHeader("Content-Type", "text/event-stream; charset=utf-8")
                .putHeader("Cache-Control", "no-store")
                // Reverse proxies (nginx) must pass events on at once instead of buffering them.
                .putHeader("X-Accel-Buffering", "no");
        StreamClient[] holder = new StreamClient[1];
        StreamClient client = new StreamClient(response, ctx.vertx().getOrCreateContext(), scope,
                () -> feed.unsubscribe(holder[0]));
        holder[0] = client;
        response.closeHandler(v -> feed.unsubscribe(client));
        client.write("retry: " + RETRY_MILLIS + "\n: connected\n\n");
        List<StreamedAlarm> missed = feed.subscribe(client, blankToNull(lastEventId));
        if (missed == null) {
            client.write("event: reload\ndata: {\"reason\":\"events since " + sanitize(lastEventId)
                    + " are no longer held; reload the current state\"}\n\n");
            return;
        }
        missed.forEach(alarm -> client.write(alarm.frame()));
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }

    /** The id is echoed back inside JSON and must not break the frame. */
    private static String sanitize(String id) {
        String safe = id.replaceAll("[^A-Za-z0-9._:-]", "");
        return safe.length() > 64 ? safe.substring(0, 64) : safe;
    }
}
