package io.safetyhub.warning.alarm;

import io.safetyhub.events.AlarmEvent;
import io.safetyhub.events.AlarmLevel;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Alarm changes found on {@code alarms.events.v1} when this replica took partitions over, so that deciding one of
 * them again does not publish it twice. A replica killed after Kafka acknowledged a change but before the alarm was
 * stored leaves no trace of it in MongoDB; its readings were not committed (a batch is acknowledged only once its
 * alarm state is stored), so the next owner replays them and the engine, whose alarm ids are deterministic, decides
 * the same change again. The change is then stored and leaves the outbox like any other, but is not sent. A change is
 * identified as {@link #key} says; entries not met again are forgotten after {@link #KEEP}.
 */
@ApplicationScoped
public class TopicEchoes {
    /** Longer than any replay: a batch is committed up to ~100 s after its readings (a minute, grace and spread). */
    static final Duration KEEP = Duration.ofMinutes(10);

    private final Map<String, Instant> keys = new ConcurrentHashMap<>();
    private final Clock clock;

    public TopicEchoes(Clock clock) {
        this.clock = clock;
    }

    /**
     * One change of one alarm: raised, cleared, acknowledged and closed happen once per alarm, a level is raised to
     * once, and an escalation is told apart by its time.
     */
    public static String key(String alarmId, AlarmEvent.Change change, AlarmLevel level, Instant at) {
        return switch (change) {
            case LEVEL_RAISED -> alarmId + "|" + change + "|" + level;
            case ESCALATED -> alarmId + "|" + change + "|" + (at == null ? "?" : at.toEpochMilli());
            default -> alarmId + "|" + change;
        };
    }

    static String key(AlarmChange c) {
        return key(c.alarm().id(), c.change(), c.alarm().level(), c.alarm().lastNotifiedAt());
    }

    /** Remembers changes read from the alarm topic. */
    public void remember(Collection<String> found) {
        Instant now = clock.instant();
        keys.values().removeIf(until -> until.isBefore(now));
        Instant until = now.plus(KEEP);
        found.forEach(k -> keys.put(k, until));
    }

    /** True, once, when this change is on the alarm topic already. */
    boolean take(AlarmChange c) {
        return !keys.isEmpty() && keys.remove(key(c)) != null;
    }

    int size() {
        return keys.size();
    }
}
