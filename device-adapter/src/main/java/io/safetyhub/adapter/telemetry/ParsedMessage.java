package io.safetyhub.adapter.telemetry;

import io.safetyhub.events.DeviceStatus;
import io.safetyhub.events.Reading;

import java.util.List;

/** What one MQTT message turned into: the events to publish and the parts that become dead letters. */
public record ParsedMessage(List<Reading> readings, List<DeviceStatus> statuses, List<Rejection> rejections) {

    public ParsedMessage {
        readings = List.copyOf(readings);
        statuses = List.copyOf(statuses);
        rejections = List.copyOf(rejections);
    }

    static ParsedMessage rejected(Rejection rejection) {
        return new ParsedMessage(List.of(), List.of(), List.of(rejection));
    }

    static ParsedMessage status(DeviceStatus status) {
        return new ParsedMessage(List.of(), List.of(status), List.of());
    }
}
