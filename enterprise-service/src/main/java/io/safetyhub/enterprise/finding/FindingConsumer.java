package io.safetyhub.enterprise.finding;

import io.safetyhub.events.InspectionFinding;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

/**
 * Turns {@code enforcement.findings.v1} into hazards. The offset is committed after the hazard is written, so a
 * crash redelivers, and {@link FindingHazards} opens nothing twice for one {@code findingId}. An unreadable record
 * is skipped with a warning (it cannot become readable by waiting); a store failure fails the channel, which makes
 * the service unready rather than losing the finding.
 */
@ApplicationScoped
public class FindingConsumer {
    private static final Logger LOG = Logger.getLogger(FindingConsumer.class);

    private final FindingHazards hazards;

    public FindingConsumer(FindingHazards hazards) {
        this.hazards = hazards;
    }

    @Incoming("inspection-findings")
    @Blocking(ordered = true)
    public void consume(ConsumerRecord<String, InspectionFinding> record) {
        if (record.value() == null) {
            LOG.warnf("unreadable inspection finding for %s at partition %d offset %d skipped", record.key(),
                    record.partition(), record.offset());
            return;
        }
        hazards.open(record.value());
    }
}
