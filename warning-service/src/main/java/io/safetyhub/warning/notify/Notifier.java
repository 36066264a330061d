package io.safetyhub.warning.notify;

import io.safetyhub.warning.alarm.AlarmChange;
import io.safetyhub.warning.alarm.AlarmChangeListener;
import io.safetyhub.warning.alarm.AlarmMapper;
import io.safetyhub.warning.alarm.AlarmView;
import io.safetyhub.warning.enterprise.EnterpriseDirectory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import org.jboss.logging.Logger;

import java.util.List;

/** Tells every notification channel of each published alarm change, naming who must act now. */
@ApplicationScoped
public class Notifier implements AlarmChangeListener {
    private static final Logger LOG = Logger.getLogger(Notifier.class);

    private final Instance<NotificationChannel> channels;
    private final EnterpriseDirectory enterprises;

    public Notifier(Instance<NotificationChannel> channels, EnterpriseDirectory enterprises) {
        this.channels = channels;
        this.enterprises = enterprises;
    }

    @Override
    public void onPublished(List<AlarmChange> changes) {
        for (AlarmChange change : changes) {
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
