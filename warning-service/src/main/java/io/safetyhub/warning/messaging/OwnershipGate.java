package io.safetyhub.warning.messaging;

import io.safetyhub.warning.alarm.Ownership;
import org.jboss.logging.Logger;

import java.time.Duration;

/**
 * For the consumers of inputs every replica reads whole (device status, device events, commitments): a record is
 * applied only once this replica knows which partitions it owns, else one arriving at start would be dropped by every
 * replica and its offset committed. The consumer's worker waits here (nothing else is lost by waiting: the records
 * stay on Kafka).
 */
final class OwnershipGate {
    private static final Logger LOG = Logger.getLogger(OwnershipGate.class);

    private OwnershipGate() {
    }

    static void awaitOwnership(Ownership ownership, String channel) {
        try {
            while (!ownership.awaitFirstAssignment(Duration.ofSeconds(30))) {
                LOG.warnf("%s waits for the readings consumer's first partition assignment (this replica does not know"
                        + " yet which devices it owns)", channel);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
