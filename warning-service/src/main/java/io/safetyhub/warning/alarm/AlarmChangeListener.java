package io.safetyhub.warning.alarm;

import java.util.List;

/** Told of alarm changes once they are published (the notification channels); best effort, after Kafka. */
public interface AlarmChangeListener {

    void onPublished(List<AlarmChange> changes);
}
