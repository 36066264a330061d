package io.safetyhub.enforcement.credit;

import io.safetyhub.enforcement.config.EnforcementConfig;
import io.safetyhub.events.AlarmEvent;
import io.safetyhub.events.CommitmentMissing;
import io.safetyhub.events.DutyOverdue;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import java.time.Duration;
import java.time.Instant;

/**
 * The credit inputs other services publish today: alarm acknowledgement times (warning-service), missed daily
 * commitments and overdue 包保 duty checks (enterprise-service). Each is entered under the event's own identity, so
 * a redelivery or a replay from the earliest offset enters nothing twice. An unreadable record arrives as null and
 * is skipped (the deserialiser logs it).
 */
@ApplicationScoped
public class CreditListener {
    private final CreditLedger ledger;
    private final EnforcementConfig config;

    public CreditListener(
            CreditLedger ledger,
            EnforcementConfig config) {
        this.ledger = ledger;
        this.config = config;
    }

    @Incoming("credit-alarms")
    @Blocking
    public void onAlarm(AlarmEvent event) {
        if (event == null || event.change() != AlarmEvent.Change.ACKNOWLEDGED || event.enterpriseId() == null
                || event.raisedAt() == null) {
            return;
        }
        Instant acknowledged = event.decidedAt() != null ? event.decidedAt() : event.occurredAt();
        Duration took = Duration.between(event.raisedAt(), acknowledged);
        if (took.compareTo(config.credit().weights().alarmAckWithin()) > 0) {
            ledger.enter("alarm-ack:" + event.alarmId(), event.enterpriseId(), CreditCause.SLOW_ALARM_ACKNOWLEDGEMENT, 0,
                    acknowledged, "alarm " + event.alarmId() + " acknowledged after " + took.toMinutes() + " min");
        }
    }

    @Incoming("credit-commitments")
    @Blocking
    public void onCommitmentMissing(CommitmentMissing event) {
        if (event != null) {
            ledger.enter("commitment:" + event.enterpriseId() + ":" + event.date(), event.enterpriseId(),
                    CreditCause.COMMITMENT_MISSED, 0, event.deadline() != null ? event.deadline() : event.occurredAt(),
                    "no safety commitment on " + event.date());
        }
    }

    @Incoming("credit-duties")
    @Blocking
    public void onDutyOverdue(DutyOverdue event) {
        if (event != null) {
            ledger.enter("duty:" + event.dutyKey(), event.enterpriseId(), CreditCause.DUTY_OVERDUE, 0,
                    event.dueBy() != null ? event.dueBy() : event.occurredAt(),
                    event.role() + " duty check of " + event.installationName() + " overdue");
        }
    }
}
