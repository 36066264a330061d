package io.safetyhub.warning.alarm;

import io.safetyhub.events.AlarmLevel;
import io.safetyhub.platform.rest.PageRequest;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Where alarms are kept (the port {@link AlarmStore} and the queries write and read through): MongoDB in the
 * service, memory in the engine's tests. Besides the alarm itself, each alarm carries {@code unpublished}: the names
 * of its changes stored but not yet acknowledged by Kafka, the outbox that survives a crash.
 */
public interface AlarmRepository {

    /** Every alarm, open or not (tests, and a repository's own defaults). */
    List<Alarm> findAll();

    /**
     * What a replica holds in memory once it has taken these partitions over: at least every open alarm
     * ({@link Alarm#conditionPresent}) and every alarm cleared unacknowledged below {@link Escalation#LAST_STAGE},
     * not suppressed, of one of the {@code stillEscalating} levels (so still to be escalated), whose ownership key
     * ({@link Ownership#keyOf}) hashes to one of these partitions of a topic of {@code count} partitions; all of them
     * when {@code count <= 0} (the caller filters what else it returns). Never the other cleared ones: nothing more
     * happens to them until someone acknowledges, and they are as many as alarms ever cleared unseen.
     */
    List<Alarm> findHeld(Set<Integer> partitions, int count, Set<AlarmLevel> stillEscalating);

    /**
     * At least every device+rule slot with an alarm in these partitions ({@code count <= 0}: every slot), each with
     * the newest raising and reading times of its alarms: all a replica keeps of the closed history (the caller
     * filters by {@link SlotMark#ownershipKey}).
     */
    List<SlotMark> slotMarks(Set<Integer> partitions, int count);

    /** The alarms with these ids that exist. */
    List<Alarm> findByIds(Collection<String> ids);

    Optional<Alarm> findById(String id);

    /** Inserts a new alarm with its unpublished changes; false when an alarm with this id exists (a replay). */
    boolean insert(Alarm alarm, List<String> unpublished);

    /** Replaces (or inserts) the alarm with its unpublished changes. */
    void replace(Alarm alarm, List<String> unpublished);

    /** Sets what is still unpublished of these alarms (alarm id -> change names), once Kafka has the rest. */
    void setUnpublished(Map<String, List<String>> byAlarm);

    /** Alarm id -> changes stored but not yet acknowledged by Kafka (only alarms with at least one). */
    Map<String, List<String>> findUnpublished();

    /**
     * Hands each matching alarm to {@code action}, one at a time as they are read: a district's every alarm ever is
     * more than the heap holds (24,050 stored alarms as one list took warning-service's 160 MB heap).
     */
    void forEach(AlarmFilter filter, Consumer<Alarm> action);

    /** One page of the matching alarms, newest ({@code raisedAt}) first. */
    List<Alarm> page(AlarmFilter filter, PageRequest page);

    long count(AlarmFilter filter);

    void deleteAll();

    /**
     * A device+rule slot's history in two times, instead of every alarm id it ever had: alarms of a slot are raised
     * in source-time order (a reading at or before the slot's watermark is a replay), so an alarm id of the slot is
     * known exactly when its raising time is not after {@code newestRaisedAt}.
     *
     * @param ownershipKey the key whose partition owns the slot (the device, or the enterprise for a deviceless alarm)
     */
    record SlotMark(String slot, String ownershipKey, java.time.Instant newestRaisedAt,
                    java.time.Instant newestReadingAt) {
    }
}
