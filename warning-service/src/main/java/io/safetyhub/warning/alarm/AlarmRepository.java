package io.safetyhub.warning.alarm;

import io.safetyhub.platform.rest.PageRequest;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Where alarms are kept (the port {@link AlarmStore} and the queries write and read through): MongoDB in the
 * service, memory in the engine's tests. Besides the alarm itself, each alarm carries {@code unpublished}: the names
 * of its changes stored but not yet acknowledged by Kafka, the outbox that survives a crash.
 */
public interface AlarmRepository {

    /** Every alarm, open or not: the start-up load of the open alarms and of every device+rule watermark. */
    List<Alarm> findAll();

    /**
     * At least every alarm whose ownership key ({@link Ownership#keyOf}) hashes to one of these partitions of a topic
     * of {@code count} partitions (the caller filters what else it returns): the load when a replica takes them over.
     */
    default List<Alarm> findInPartitions(Set<Integer> partitions, int count) {
        return findAll();
    }

    Optional<Alarm> findById(String id);

    /** Inserts a new alarm with its unpublished changes; false when an alarm with this id exists (a replay). */
    boolean insert(Alarm alarm, List<String> unpublished);

    /** Replaces (or inserts) the alarm with its unpublished changes. */
    void replace(Alarm alarm, List<String> unpublished);

    /** Sets what is still unpublished of these alarms (alarm id -> change names), once Kafka has the rest. */
    void setUnpublished(Map<String, List<String>> byAlarm);

    /** Alarm id -> changes stored but not yet acknowledged by Kafka (only alarms with at least one). */
    Map<String, List<String>> findUnpublished();

    List<Alarm> find(AlarmFilter filter);

    /** One page of the matching alarms, newest ({@code raisedAt}) first. */
    List<Alarm> page(AlarmFilter filter, PageRequest page);

    long count(AlarmFilter filter);

    void deleteAll();
}
