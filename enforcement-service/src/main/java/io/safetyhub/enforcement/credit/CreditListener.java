package io.safetyhub.enforcement.credit;

import io.safetyhub.enforcement.config.EnforcementConfig;
import io.safetyhub.events.AlarmEvent;
import io.safetyhub.events.CertificateRateChanged;
import io.safetyhub.events.CommitmentMissing;
import io.safetyhub.events.DrillHeld;
import io.safetyhub.events.DutyOverdue;
import io.safetyhub.events.HazardOverdue;
import io.safetyhub.events.Topics;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.time.Instant;

/**
 * The credit inputs other services publish: alarm acknowledgement times (warning-service), missed daily
 * commitments, overdue 包保 duty checks and overdue major hazards (enterprise-service), certificate rates (training-service) and drills held
 * (emergency-service). Each is entered under the event's own identity, so a redelivery or a replay from the earliest
 * offset enters nothing twice; a certificate rate is a state, entered under the enterprise and replaced by a later one.
 * One consumer reads the six topics ({@link CreditInputDeserializer}) and hands each record to its topic's handler. An
 * unreadable record arrives as null and is skipped (the deserialiser logs it).
 */
@ApplicationScoped
public class CreditListener {
    private static final Logger LOG = Logger.getLogger(CreditListener.class);
    private final CreditLedger ledger;
    private final EnforcementConfig config;

    public CreditListener(
            CreditLedger ledger,
            EnforcementConfig config) {
        this.ledger = ledger;
        this.config = config;
    }

    @Incoming("credit-inputs")
    @Blocking
    public void consume(ConsumerRecord<String, Object> record) {
        Object value = record.value();
        switch (record.topic()) {
            case Topics.ALARMS -> onAlarm((AlarmEvent) value);
            case Topics.ENTERPRISE_COMMITMENTS -> onCommitmentMissing((CommitmentMissing) value);
            case Topics.ENTERPRISE_DUTIES -> onDutyOverdue((DutyOverdue) value);
            case Topics.TRAINING_CERTIFICATE_RATES -> onCertificateRate((CertificateRateChanged) value);
            case Topics.EMERGENCY_DRILLS -> onDrill((DrillHeld) value);
            case Topics.ENTERPRISE_HAZARDS_OVERDUE -> onHazardOverdue((HazardOverdue) value);
            default -> LOG.warnf("record of topic %s (partition %d, offset %d) skipped: the credit-inputs channel does"
                    + " not read that topic", record.topic(), record.partition(), record.offset());
        }
    }

    void onAlarm(AlarmEvent event) {
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

    void onCommitmentMissing(CommitmentMissing event) {
        if (event != null) {
            ledger.enter("commitment:" + event.enterpriseId() + ":" + event.date(), event.enterpriseId(),
                    CreditCause.COMMITMENT_MISSED, 0, event.deadline() != null ? event.deadline() : event.occurredAt(),
                    "no safety commitment on " + event.date());
        }
    }

    void onDutyOverdue(DutyOverdue event) {
        if (event != null) {
            ledger.enter("duty:" + event.dutyKey(), event.enterpriseId(), CreditCause.DUTY_OVERDUE, 0,
                    event.dueBy() != null ? event.dueBy() : event.occurredAt(),
                    event.role() + " duty check of " + event.installationName() + " overdue");
        }
    }

    void onCertificateRate(CertificateRateChanged event) {
        if (event == null || event.enterpriseId() == null) {
            return;
        }
        var w = config.credit().weights();
        String rate = event.rate() == null ? "none required" : event.rate() + " % (" + event.held() + "/" + event.required() + ")";
        ledger.replace("certificate-rate:" + event.enterpriseId(), event.enterpriseId(), CreditCause.CERTIFICATE_RATE,
                CreditFormula.certificateRate(event.rate(), w), event.asOf() != null ? event.asOf() : event.occurredAt(),
                "certificate rate of the three posts " + rate + ", least without cost " + w.certificateRateAtLeast() + " %");
    }

    void onDrill(DrillHeld event) {
        if (event == null || event.heldOn() == null) {
            return;
        }
        ledger.enter("drill:" + event.drillId(), event.enterpriseId(), CreditCause.DRILL_HELD, 0,
                event.heldOn().atStartOfDay(config.zone()).toInstant(),
                event.scope() + " drill \"" + event.title() + "\" held on " + event.heldOn());
    }

    /**
     * A 重大事故隐患 past its deadline. One opened from this service's own finding is skipped: its re-inspection already
     * enters NOT_RECTIFIED or MAJOR_HAZARD_LISTED, and one failure should not cost twice.
     */
    void onHazardOverdue(HazardOverdue event) {
        if (event == null || !"MAJOR".equals(event.grade()) || event.findingId() != null) {
            return;
        }
        ledger.enter("hazard-overdue:" + event.overdueKey(), event.enterpriseId(), CreditCause.MAJOR_HAZARD_OVERDUE, 0,
                event.overdueSince() != null ? event.overdueSince() : event.occurredAt(),
                "major hazard " + event.hazardId() + " not rectified by " + event.deadline());
    }
}
