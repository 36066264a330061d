package io.safetyhub.adapter.device;

import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.NotificationOptions;
import jakarta.enterprise.util.TypeLiteral;
import org.junit.jupiter.api.Test;

import java.lang.annotation.Annotation;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletionStage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The registry's copy against re-reads of the collection that race this replica's own writes. */
class DeviceRegistryTest {
    private static final Instant T = Instant.parse("2026-12-01T08:00:00Z");

    /** Records what the registry tells its listeners (credentials, connections). */
    private static final class Changes implements Event<RegistryChange> {
        final List<RegistryChange> fired = new ArrayList<>();

        @Override
        public void fire(RegistryChange event) {
            fired.add(event);
        }

        @Override
        public <U extends RegistryChange> CompletionStage<U> fireAsync(U event) {
            throw new UnsupportedOperationException();
        }

        @Override
        public <U extends RegistryChange> CompletionStage<U> fireAsync(U event, NotificationOptions options) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Event<RegistryChange> select(Annotation... qualifiers) {
            return this;
        }

        @Override
        public <U extends RegistryChange> Event<U> select(Class<U> subtype, Annotation... qualifiers) {
            throw new UnsupportedOperationException();
        }

        @Override
        public <U extends RegistryChange> Event<U> select(TypeLiteral<U> subtype, Annotation... qualifiers) {
            throw new UnsupportedOperationException();
        }
    }

    private static Device gasAlarm(String id) {
        return new Device(id, "chem-banan-01", null, null, DeviceKind.GAS_ALARM, Protocol.MQTT, id, null, Map.of(),
                Map.of(), 30, false, T, T);
    }

    @Test
    void shouldKeepADeviceRegisteredHereWhenARereadThatStartedBeforeItReturns() {
        Changes changes = new Changes();
        DeviceRegistry[] registry = new DeviceRegistry[1];
        Device created = gasAlarm("LOAD-00544");
        // The collection is read before the device is written; the write lands while the read is still going.
        registry[0] = new DeviceRegistry(() -> {
            registry[0].applied(null, created);
            return List.of();
        }, mqttId -> Optional.empty(), changes);

        registry[0].reload();

        assertEquals(Optional.of(created), registry[0].byId("LOAD-00544"));
        assertEquals(Optional.of(created), registry[0].byMqttId("LOAD-00544"));
        assertTrue(changes.fired.stream().noneMatch(c -> c.after() == null),
                "no removal is announced (it would delete the new device's credentials): " + changes.fired);
    }

    @Test
    void shouldDropADeviceRemovedElsewhereWhenTheRereadNoLongerFindsIt() {
        Changes changes = new Changes();
        Device gone = gasAlarm("GA-0009");
        List<List<Device>> reads = new ArrayList<>(List.of(List.of(gone), List.of()));
        DeviceRegistry registry = new DeviceRegistry(() -> reads.remove(0), mqttId -> Optional.empty(), changes);

        registry.reload();
        registry.reload();

        assertEquals(Optional.empty(), registry.byId("GA-0009"));
        assertEquals(new RegistryChange(gone, null), changes.fired.get(changes.fired.size() - 1));
    }
}
