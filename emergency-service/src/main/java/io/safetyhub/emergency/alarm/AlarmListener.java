package io.safetyhub.emergency.alarm;

import io.safetyhub.events.AlarmEvent;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

/**
 * Follows {@code alarms.events.v1} into {@link AlarmView}: the command map's open alarms without a call to
 * warning-service. Group {@code emergency-service-alarms}, its own so that a rebalance of one view never stalls the
 * other; from the earliest retained event on first start.
 */
@ApplicationScoped
public class AlarmListener {
    private static final Logger LOG = Logger.getLogger(AlarmListener.class);
    private final AlarmView view;

    public AlarmListener(AlarmView view) {
        this.view = view;
    }

    @Incoming("alarm-events")
    @Blocking
    public void onRecord(ConsumerRecord<String, AlarmEvent> record) {
        AlarmEvent event = record.value();
        if (event == null) {
            return; // unreadable or a tombstone: the deserializer has logged it
        }
        if (event.alarmId() == null || event.status() == null) {
            LOG.warnf("alarm event %s at offset %d names no alarm or status; skipped", event.eventId(), record.offset());
            return;
        }
        view.keepIfNewer(KnownAlarm.of(event));
    }
}
