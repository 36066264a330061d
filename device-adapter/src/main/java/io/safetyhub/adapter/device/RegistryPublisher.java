package io.safetyhub.adapter.device;

import io.safetyhub.adapter.config.AdapterConfig;
import io.safetyhub.events.DeviceChanged;
import io.smallrye.reactive.messaging.kafka.Record;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Emitter;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.util.concurrent.CompletionStage;

/**
 * Publishes each registry change to the compacted {@code device.registry.v1} (key = device id): the full entry,
 * and for a removal the DELETED entry followed by a tombstone so that compaction forgets the device.
 */
@ApplicationScoped
public class RegistryPublisher {
    private static final Logger LOG = Logger.getLogger(RegistryPublisher.class);

    private final Emitter<Record<String, DeviceChanged>> emitter;
    private final DeviceMapper mapper;
    private final String source;
    private final Clock clock;

    public RegistryPublisher(@Channel("device-registry") Emitter<Record<String, DeviceChanged>> emitter,
                             DeviceMapper mapper, AdapterConfig config, Clock clock) {
        this.emitter = emitter;
        this.mapper = mapper;
        this.source = config.source();
        this.clock = clock;
    }

    public CompletionStage<Void> changed(Device device, DeviceChanged.Change change) {
        CompletionStage<Void> sent = emitter.send(Record.of(device.id(),
                mapper.toEvent(device, change, source, clock.instant())));
        if (change == DeviceChanged.Change.DELETED) {
            sent = sent.thenCompose(ignored -> emitter.send(Record.of(device.id(), null)));
        }
        return sent.whenComplete((ignored, failure) -> {
            if (failure != null) {
                // The registry is re-published whole at every start, so a lost change heals on the next one.
                LOG.warnf("registry change of %s not published (%s)", device.id(), failure.getMessage());
            }
        });
    }
}
