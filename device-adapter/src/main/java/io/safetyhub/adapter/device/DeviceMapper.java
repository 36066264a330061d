package io.safetyhub.adapter.device;

import io.safetyhub.adapter.installation.HazardSourceRule;
import io.safetyhub.adapter.units.CanonicalUnits;
import io.safetyhub.events.DeviceChanged;
import io.safetyhub.platform.Strings;
import jakarta.enterprise.context.ApplicationScoped;
import org.bson.Document;

import java.time.Instant;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/** Between the stored device, its Mongo document, the API's records and the registry event. */
@ApplicationScoped
public class DeviceMapper {
    static final int DEFAULT_INTERVAL_SECONDS = 30;

    /** A validated request as a device; the binding the protocol does not use is dropped. */
    public Device fromRequest(DeviceRequest request, DeviceKind kind, Instant createdAt, Instant now) {
        boolean mqtt = request.protocol() == Protocol.MQTT;
        return new Device(request.id(), request.enterpriseId(), Strings.blankToNull(request.hazardSourceId()),
                request.hazardGrade(), kind, request.protocol(),
                mqtt ? (request.mqttDeviceId() != null ? request.mqttDeviceId() : request.id()) : null,
                mqtt ? null : request.opcUaEndpoint(), mqtt ? Map.of() : request.opcUaNodeIds(),
                request.metricUnits(),
                request.publishingIntervalSeconds() != null ? request.publishingIntervalSeconds() : DEFAULT_INTERVAL_SECONDS,
                Boolean.TRUE.equals(request.maintenance()), createdAt, now, !Boolean.FALSE.equals(request.enabled()));
    }

    public DeviceResponse toResponse(Device d) {
        return toResponse(d, null);
    }

    /** With the binding's standing in the installation view ({@link HazardSourceRule#binding}). */
    public DeviceResponse toResponse(Device d, HazardSourceRule.Binding hazardSourceStatus) {
        return new DeviceResponse(d.id(), d.enterpriseId(), d.hazardSourceId(), d.hazardGrade(), d.kind().topicName(),
                d.protocol(), d.mqttDeviceId(), d.opcUaEndpoint(), d.opcUaNodeIds(), d.metricUnits(),
                d.publishingIntervalSeconds(), d.maintenance(), d.enabled(), d.createdAt(), d.updatedAt(),
                hazardSourceStatus);
    }

    /** The event carries canonical units: what the readings of each metric will be in. */
    public DeviceChanged toEvent(Device d, DeviceChanged.Change change, String source, Instant now) {
        Map<String, String> canonical = new LinkedHashMap<>();
        d.metricUnits().keySet().stream().sorted()
                .forEach(m -> canonical.put(m, CanonicalUnits.canonicalUnitOf(m).orElse(d.metricUnits().get(m))));
        return new DeviceChanged(UUID.randomUUID(), now, source, change, d.id(), d.enterpriseId(), d.hazardSourceId(),
                d.hazardGrade(), d.kind().topicName(), d.protocol().name(), canonical, d.publishingIntervalSeconds(),
                d.maintenance());
    }

    public Document toDocument(Device d) {
        return new Document("_id", d.id())
                .append("enterpriseId", d.enterpriseId())
                .append("hazardSourceId", d.hazardSourceId())
                .append("hazardGrade", d.hazardGrade())
                .append("kind", d.kind().topicName())
                .append("protocol", d.protocol().name())
                .append("mqttDeviceId", d.mqttDeviceId())
                .append("opcUaEndpoint", d.opcUaEndpoint())
                .append("opcUaNodeIds", new Document(new LinkedHashMap<>(d.opcUaNodeIds())))
                .append("metricUnits", new Document(new LinkedHashMap<>(d.metricUnits())))
                .append("publishingIntervalSeconds", d.publishingIntervalSeconds())
                .append("maintenance", d.maintenance())
                .append("enabled", d.enabled())
                .append("createdAt", Date.from(d.createdAt()))
                .append("updatedAt", Date.from(d.updatedAt()));
    }

    public Device fromDocument(Document doc) {
        return new Device(doc.getString("_id"), doc.getString("enterpriseId"), doc.getString("hazardSourceId"),
                doc.getInteger("hazardGrade"), DeviceKind.fromTopicName(doc.getString("kind")).orElseThrow(),
                Protocol.valueOf(doc.getString("protocol")), doc.getString("mqttDeviceId"),
                doc.getString("opcUaEndpoint"), strings(doc.get("opcUaNodeIds", Document.class)),
                strings(doc.get("metricUnits", Document.class)), doc.getInteger("publishingIntervalSeconds",
                DEFAULT_INTERVAL_SECONDS), doc.getBoolean("maintenance", false),
                doc.getDate("createdAt").toInstant(), doc.getDate("updatedAt").toInstant(),
                doc.getBoolean("enabled", true));
    }

    private static Map<String, String> strings(Document doc) {
        Map<String, String> map = new LinkedHashMap<>();
        if (doc != null) {
            doc.forEach((k, v) -> map.put(k, String.valueOf(v)));
        }
        return map;
    }
}
