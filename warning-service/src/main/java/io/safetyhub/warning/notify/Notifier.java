package io.safetyhub.warning.notify;

import io.micrometer.core.instrument.MeterRegistry;
import io.safetyhub.warning.alarm.AlarmChange;
import io.safetyhub.warning.alarm.AlarmChangeListener;
import io.safetyhub.warning.alarm.AlarmMapper;
import io.safetyhub.warning.alarm.AlarmView;
import io.safetyhub.warning.config.WarningConfig;
import io.safetyhub.warning.delivery.DeliveryLog;
import io.safetyhub.warning.enterprise.EnterpriseDirectory;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;

import java.time.Clock;
import java.util.List;
import java.util.function.Function;

/**
 * Hands each published alarm change, with who must act now, to every notification channel's own
 * {@link ChannelWorker}. Called on the alarm path (the outbox relay, after Kafka has the change): it only queues,
 * so no channel's receiver can delay an alarm. The view is built on the channel's thread (it may read the enterprise
 * directory).
 */
@ApplicationScoped
public class Notifier implements AlarmChangeListener {
    private final List<ChannelWorker> workers;

    @Inject
    public Notifier(Instance<NotificationChannel> channels, EnterpriseDirectory enterprises, WarningConfig config,
                    MeterRegistry metrics, DeliveryLog deliveries, Clock clock) {
        this(channels.stream().filter(NotificationChannel::enabled).toList(),
                c -> AlarmMapper.toView(c.alarm(), enterprises.placeOf(c.alarm().enterpriseId())), config, metrics,
                deliveries, clock);
    }

    Notifier(List<NotificationChannel> channels, Function<AlarmChange, AlarmView> toView, WarningConfig config,
             MeterRegistry metrics, DeliveryLog deliveries, Clock clock) {
        this.workers = channels.stream().map(c -> new ChannelWorker(c.name(), c, toView, config.notifications(), metrics,
                deliveries, clock)).toList();
    }

    @Override
    public void onPublished(List<AlarmChange> changes) {
        for (AlarmChange change : changes) {
            String audience = AlarmMapper.audience(change.alarm().escalationStage());
            for (ChannelWorker worker : workers) {
                worker.offer(change, audience);
            }
        }
    }

    /** Notices queued or waiting for a retry, over all channels. */
    int pending() {
        return workers.stream().mapToInt(ChannelWorker::pending).sum();
    }

    @PreDestroy
    void stop() {
        workers.forEach(ChannelWorker::close);
    }
}
