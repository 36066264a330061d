package io.safetyhub.warning.delivery;

import java.time.Instant;
import java.util.List;

/**
 * The outcome of one notice to one target of one channel, as of its latest attempt (issue 23 item 5: delivery
 * status on the alarm). Written after every attempt, so a notice still being retried shows FAILED with
 * {@code retrying: true} and its attempts so far.
 *
 * @param recipients who, masked (phones {@code 138****5678}, e-mail {@code z***@example.cn}, robots by name)
 * @param changeAt   when the change was decided (the alarm's {@code updatedAt}): a change re-notified after a
 *                   restart updates the same record
 */
public record Delivery(String alarmId, String change, Instant changeAt, String channel, String target,
                       String audience, List<String> recipients, Status status, boolean retrying, int attempts,
                       String lastError, Instant firstAttemptAt, Instant lastAttemptAt) {

    public enum Status { SENT, FAILED, DROPPED }

    public Delivery {
        recipients = recipients == null ? List.of() : List.copyOf(recipients);
    }

    /** Identity of the record: the same change to the same target of a channel is one record. */
    public String id() {
        return alarmId + "|" + change + "|" + changeAt.toEpochMilli() + "|" + channel + "|" + target;
    }
}
