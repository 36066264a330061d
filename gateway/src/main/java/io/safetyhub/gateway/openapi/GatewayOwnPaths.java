package io.safetyhub.gateway.openapi;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.safetyhub.gateway.alarmstream.AlarmStreamHandler;

/**
 * The operations the gateway answers itself rather than relaying: the live alarm stream. It replaces whatever a
 * service documents at the same path, since no request there reaches a service.
 */
final class GatewayOwnPaths {

    private GatewayOwnPaths() {
    }

    static void add(ObjectNode paths) {
        ObjectNode get = paths.putObject(AlarmStreamHandler.PATH).putObject("get");
        get.putArray("tags").add("alarms");
        get.put("summary", "Live alarm changes within the caller's enterprise or district (Server-Sent Events)");
        get.put("description", """
                Served by the gateway itself from alarms.events.v1. Each event is `id: <partition>-<offset>`, \
                `event: <change>` (raised, level-raised, escalated, acknowledged, cleared, closed) and one `data:` line \
                with the alarm event as JSON. Reconnect with `Last-Event-ID` (or `lastEventId`) to replay what was \
                missed; when that is no longer held, the stream sends `event: reload` and the client reloads \
                `/api/alarms`. The stream ends with `event: token-expired` when the token that opened it expires: \
                open it again with a fresh token and the last event id. A caller confined to a town or grid \
                gets 403 and reads `/api/alarms` instead.""");
        get.put("operationId", "streamAlarms");
        ArrayNode parameters = get.putArray("parameters");
        parameters.addObject().put("name", "Last-Event-ID").put("in", "header").put("required", false)
                .put("description", "id of the last event received; the events after it are replayed")
                .putObject("schema").put("type", "string").put("pattern", "^[0-9]+-[0-9]+$");
        parameters.addObject().put("name", "lastEventId").put("in", "query").put("required", false)
                .put("description", "the same as Last-Event-ID, for a browser EventSource, which cannot set headers")
                .putObject("schema").put("type", "string").put("pattern", "^[0-9]+-[0-9]+$");
        parameters.addObject().put("name", "access_token").put("in", "query").put("required", false)
                .put("description", "the bearer token, for a browser EventSource only; ignored when an "
                        + "Authorization header is sent")
                .putObject("schema").put("type", "string");
        ObjectNode responses = get.putObject("responses");
        responses.putObject("200").put("description", "the event stream; it stays open")
                .putObject("content").putObject("text/event-stream").putObject("schema").put("type", "string");
    }
}
