package io.safetyhub.warning.notify;

import io.safetyhub.warning.delivery.Delivery;
import io.safetyhub.warning.delivery.DeliveryLog;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** The delivery log as a map keyed like the MongoDB collection (one record per notice and target, replaced). */
final class InMemoryDeliveryLog implements DeliveryLog {
    final Map<String, Delivery> byId = new ConcurrentHashMap<>();

    @Override
    public void record(Delivery delivery) {
        byId.put(delivery.id(), delivery);
    }

    @Override
    public List<Delivery> forAlarm(String alarmId) {
        return byId.values().stream().filter(d -> d.alarmId().equals(alarmId))
                .sorted(Comparator.comparing(Delivery::changeAt).thenComparing(Delivery::channel)).toList();
    }
}
