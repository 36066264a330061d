package io.safetyhub.warning.messaging;

import io.safetyhub.events.AlarmEvent;
import io.safetyhub.events.DutyOverdue;
import io.safetyhub.warning.alarm.AlarmChange;
import io.safetyhub.warning.alarm.AlarmEngine;
import io.safetyhub.warning.alarm.AlarmOutbox;
import io.safetyhub.warning.alarm.Ownership;
import io.safetyhub.warning.rule.StandardDefaults;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.ArrayList;
import java.util.List;

/**
 * {@code enterprise.duties.v1}: a 包保责任人 who had not recorded his duty check for a period by its end becomes a
 * level IV blue alarm of the enterprise, seen by its regulator through the enterprise's district and town (the
 * tenant scope of every alarm). The alarm's "device" and time come from the event's {@code dutyKey} and deadline, so
 * the same duty and period raise one alarm however often the event is delivered. Like the missing commitment, the
 * condition is over a day later (the engine's sweep clears it) and the enterprise then closes it.
 * <p>
 * As for the missing commitment ({@link CommitmentConsumer}), every replica reads the topic in a group of its own and
 * only the owner of the enterprise id's partition raises the alarm ({@link Ownership}), so it is raised once.
 */
@ApplicationScoped
public class DutyConsumer {
    private final AlarmEngine engine;
    private final AlarmOutbox outbox;
    private final Ownership ownership;

    public DutyConsumer(AlarmEngine engine, AlarmOutbox outbox, Ownership ownership) {
        this.engine = engine;
        this.outbox = outbox;
        this.ownership = ownership;
    }

    /** Called by {@link SideInputConsumer} for each record of the topic. */
    public void consume(DutyOverdue overdue) {
        OwnershipGate.awaitOwnership(ownership, "duties");
        if (overdue == null || overdue.dutyKey() == null || overdue.enterpriseId() == null || overdue.dueBy() == null
                || !ownership.owns(overdue.enterpriseId())) {
            return;
        }
        List<AlarmChange> changes = new ArrayList<>();
        engine.raise(slotDevice(overdue), overdue.enterpriseId(), null, StandardDefaults.DUTY,
                null, AlarmEvent.Kind.COMMITMENT_MISSING, overdue.dueBy(), message(overdue), changes);
        outbox.relay(changes);
    }

    /** One "device" per duty key (installation, role, period): the alarm's identity. No '|', the id's separator. */
    static String slotDevice(DutyOverdue overdue) {
        return "duty:" + overdue.dutyKey().replace('|', ':');
    }

    /** What the regulator reads: the installation, the role, the person, the period and its deadline. */
    static String message(DutyOverdue d) {
        String installation = d.installationName() == null ? d.installationId()
                : d.installationName() + "(" + d.installationId() + ")";
        String person = d.personName() == null ? "" : " " + d.personName();
        return "重大危险源" + installation + "的" + roleName(d.role()) + person + "未按期履行包保责任: "
                + frequencyName(d.frequency()) + "检查(自 " + d.periodStart() + " 起的周期)截至 " + d.dueBy()
                + " 未记录(危险化学品重大危险源企业安全包保责任制办法)";
    }

    static String roleName(DutyOverdue.Role role) {
        if (role == null) {
            return "包保责任人";
        }
        return switch (role) {
            case MAIN -> "主要负责人";
            case TECHNICAL -> "技术负责人";
            case OPERATIONAL -> "操作负责人";
        };
    }

    private static String frequencyName(String frequency) {
        if (frequency == null) {
            return "";
        }
        return switch (frequency) {
            case "QUARTERLY" -> "季度";
            case "MONTHLY" -> "月度";
            case "WEEKLY" -> "每周";
            default -> frequency;
        };
    }
}
