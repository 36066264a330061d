package io.safetyhub.events;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * The registry entry of one device as it now stands; published by device-adapter on every change to a
 * compacted topic so that the warning service knows each device's hazard source, publishing interval and
 * maintenance flag without calling the adapter. {@code change == DELETED} is followed by a tombstone.
 *
 * @param hazardSourceId            major hazard source (重大危险源) the device watches, or null
 * @param hazardGrade               grade of that source, 1 (一级, most severe) to 4 (四级), or null
 * @param deviceKind                gas-alarm, gas-detector, tower-crane, tank
 * @param protocol                  MQTT or OPC_UA
 * @param metricUnits               canonical unit per metric the device reports
 * @param publishingIntervalSeconds expected seconds between two publications; silent for 3 × this is offline
 * @param maintenance               under maintenance: its alarms are expected and may be suppressed
 */
public record DeviceChanged(
        UUID eventId,
        Instant occurredAt,
        String source,
        Change change,
        String deviceId,
        String enterpriseId,
        String hazardSourceId,
        Integer hazardGrade,
        String deviceKind,
        String protocol,
        Map<String, String> metricUnits,
        int publishingIntervalSeconds,
        boolean maintenance) {

    public enum Change { CREATED, UPDATED, DELETED }
}
