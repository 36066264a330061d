package io.safetyhub.warning.notify;

import io.safetyhub.warning.alarm.AlarmChange;
import io.safetyhub.warning.alarm.AlarmMapper;
import io.safetyhub.warning.alarm.AlarmStore;
import io.safetyhub.warning.alarm.AlarmView;
import io.safetyhub.warning.enterprise.EnterpriseView;
import io.safetyhub.warning.messaging.AlarmEventPublisher;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import org.jboss.logging.Logger;

import java.util.ArrayList;
import java.util.List;

/**
 * Sends every alarm change to Kafka (waiting for the acks) and then to every notification channel. Alarms of a
 * shelved device are recorded but go nowhere: that is what shelving is for.
 */
@ApplicationScoped
public class AlarmDispatcher {
    private static final Logger LOG = Logger.getLogger(AlarmDispatcher.class);

    private final AlarmEventPublisher publisher;
    private final Instance<NotificationChannel> channels;
    private final EnterpriseView enterprises;
    private final AlarmStore store;

    public AlarmDispatcher(AlarmEventPublisher publisher, Instance<NotificationChannel> channels,
                           EnterpriseView enterprises, AlarmStore store) {
        this.publisher = publisher;
        this.channels = channels;
        this.enterprises = enterprises;
        this.store = store;
    }

    public void dispatch(List<AlarmChange> changes) {
        // Whatever a previous run stored but never got onto Kafka goes first (once, at the first dispatch).
        List<AlarmChange> all = new ArrayList<>(store.takeRecovered());
        all.addAll(changes);
        if (all.isEmpty()) {
            return;
        }
        List<AlarmChange> published = all.stream().filter(c -> !c.alarm().suppressed()).toList();
        publisher.publish(published);
        store.published(all); // a shelved device's changes go nowhere, by design: out of the outbox too
        for (AlarmChange change : published) {
            AlarmView view = AlarmMapper.toView(change.alarm(), enterprises.districtOf(change.alarm().enterpriseId()));
            String audience = AlarmMapper.audience(change.alarm().escalationStage());
            for (NotificationChannel channel : channels) {
                try {
                    channel.send(change.change().name(), audience, view);
                } catch (RuntimeException e) {
                    // A channel down must not stop the alarm pipeline; Kafka already has the change.
                    LOG.warnf(e, "channel %s could not send %s", channel.getClass().getSimpleName(), view.id());
                }
            }
        }
    }
}
