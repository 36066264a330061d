package io.safetyhub.warning.notify;

import io.safetyhub.warning.alarm.AlarmChange;
import io.safetyhub.warning.alarm.AlarmMapper;
import io.safetyhub.warning.alarm.AlarmView;
import io.safetyhub.warning.enterprise.EnterpriseView;
import io.safetyhub.warning.messaging.AlarmEventPublisher;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import org.jboss.logging.Logger;

import java.util.List;

/**
 * Sends every alarm change to Kafka (waiting for the ack) and to every notification channel. Alarms of a
 * shelved device are recorded but go nowhere: that is what shelving is for.
 */
@ApplicationScoped
public class AlarmDispatcher {
    private static final Logger LOG = Logger.getLogger(AlarmDispatcher.class);

    private final AlarmEventPublisher publisher;
    private final Instance<NotificationChannel> channels;
    private final EnterpriseView enterprises;

    public AlarmDispatcher(AlarmEventPublisher publisher, Instance<NotificationChannel> channels,
                           EnterpriseView enterprises) {
        this.publisher = publisher;
        this.channels = channels;
        this.enterprises = enterprises;
    }

    public void dispatch(List<AlarmChange> changes) {
        for (AlarmChange change : changes) {
            if (change.alarm().suppressed()) {
                continue;
            }
            publisher.publish(change);
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
