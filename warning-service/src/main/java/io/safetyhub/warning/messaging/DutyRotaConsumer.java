package io.safetyhub.warning.messaging;

import io.safetyhub.events.DutyRotaChanged;
import io.safetyhub.platform.rest.RegistryRecords;
import io.safetyhub.warning.oncall.DutyRoster;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.jboss.logging.Logger;

import java.time.Clock;

/** Keeps the duty roster current from emergency-service's compacted {@code emergency.duty.v1} (issue 23 item 2). */
@ApplicationScoped
public class DutyRotaConsumer {
    private static final Logger LOG = Logger.getLogger(DutyRotaConsumer.class);

    private final DutyRoster roster;
    private final Clock clock;

    public DutyRotaConsumer(DutyRoster roster, Clock clock) {
        this.roster = roster;
        this.clock = clock;
    }

    /** Called by {@link SideInputConsumer} for each record of the topic. */
    public void consume(ConsumerRecord<String, DutyRotaChanged> record) {
        switch (RegistryRecords.kind(record)) {
            case VALUE -> roster.apply(record.value(), clock.instant());
            case TOMBSTONE -> roster.forget(record.key());
            // An unreadable value also arrives as null: not a deletion; escalations keep the last rota read.
            case UNREADABLE -> LOG.warnf("unreadable duty rota record %s at %s-%d offset %d skipped; escalations to"
                    + " that rota keep its last known officers", record.key(), record.topic(), record.partition(),
                    record.offset());
        }
    }
}
