package io.safetyhub.adapter.telemetry;

import io.safetyhub.adapter.device.Device;
import io.safetyhub.events.DeviceEvent;
import io.safetyhub.events.DeviceStatus;
import io.safetyhub.events.Reading;

import java.util.List;

/** What one MQTT message turned into: the readings, statuses and device events to publish, and the dead letters. */
public record ParsedMessage(List<Reading> readings, List<DeviceStatus> statuses, List<DeviceEvent> events,
                            List<Rejection> rejections) {

    public ParsedMessage {
        readings = List.copyOf(readings);
        statuses = List.copyOf(statuses);
        events = List.copyOf(events);
        rejections = List.copyOf(rejections);
    }

    static ParsedMessage of(List<Reading> readings, List<Rejection> rejections) {
        return new ParsedMessage(readings, List.of(), List.of(), rejections);
    }

    static ParsedMessage nothing() {
        return new ParsedMessage(List.of(), List.of(), List.of(), List.of());
    }

    /** The same message attributed to its registry entry: the registry's device id and hazard source. */
    ParsedMessage boundTo(Device device) {
        List<Reading> bound = readings.stream().map(r -> new Reading(r.eventId(), r.occurredAt(), r.source(),
                device.id(), r.enterpriseId(), r.deviceKind(), device.hazardSourceId(), r.metric(), r.value(), r.unit(),
                r.gas(), r.sourceTimestamp(), r.receivedAt(), r.quality())).toList();
        List<DeviceStatus> statusesOfDevice = statuses.stream().map(s -> new DeviceStatus(s.eventId(), s.occurredAt(),
                s.source(), device.id(), s.enterpriseId(), s.deviceKind(), s.online(), s.cause(), s.lastSeenAt()))
                .toList();
        List<DeviceEvent> eventsOfDevice = events.stream().map(e -> new DeviceEvent(e.eventId(), e.occurredAt(),
                e.source(), device.id(), e.enterpriseId(), e.deviceKind(), device.hazardSourceId(), e.event(), e.level(),
                e.detail(), e.sourceTimestamp(), e.receivedAt())).toList();
        return new ParsedMessage(bound, statusesOfDevice, eventsOfDevice, rejections);
    }

    static ParsedMessage rejected(Rejection rejection) {
        return new ParsedMessage(List.of(), List.of(), List.of(), List.of(rejection));
    }

    static ParsedMessage status(DeviceStatus status) {
        return new ParsedMessage(List.of(), List.of(status), List.of(), List.of());
    }

    static ParsedMessage event(DeviceEvent event) {
        return new ParsedMessage(List.of(), List.of(), List.of(event), List.of());
    }
}
