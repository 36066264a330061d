package io.safetyhub.warning.notify;

import io.micrometer.core.instrument.MeterRegistry;
import io.safetyhub.warning.alarm.AlarmChange;
import io.safetyhub.warning.alarm.AlarmView;
import io.safetyhub.warning.config.WarningConfig;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * One notification channel's own worker (issue 15 item 5): the alarm path only hands it a change (no I/O, never
 * blocks), and a thread of this channel alone builds the notice and sends it, retrying a failed send with exponential
 * back-off. So a receiver that hangs or fails holds back this channel's next notices, never an alarm, Kafka or another
 * channel. The queue is bounded: past {@code warning.notifications.queue-capacity} a new notice is dropped and counted
 * (the alarm itself is on {@code alarms.events.v1} and the gateway's stream regardless).
 */
final class ChannelWorker implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(ChannelWorker.class);
    private static final String METRIC = "safetyhub_warning_notifications_total";

    private final String name;
    private final NotificationChannel channel;
    private final Function<AlarmChange, AlarmView> toView;
    private final WarningConfig.Notifications settings;
    private final MeterRegistry metrics;
    private final ScheduledExecutorService thread;
    private final AtomicInteger pending = new AtomicInteger();

    ChannelWorker(String name, NotificationChannel channel, Function<AlarmChange, AlarmView> toView,
                  WarningConfig.Notifications settings, MeterRegistry metrics) {
        this.name = name;
        this.channel = channel;
        this.toView = toView;
        this.settings = settings;
        this.metrics = metrics;
        this.thread = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "notify-" + name);
            t.setDaemon(true);
            return t;
        });
    }

    /** Queues the notice; returns at once. */
    void offer(AlarmChange change, String audience) {
        if (pending.incrementAndGet() > settings.queueCapacity()) {
            pending.decrementAndGet();
            count("dropped");
            LOG.warnf("channel %s: %d notices waiting (its receiver is slow or down); dropped %s of alarm %s",
                    name, settings.queueCapacity(), change.change(), change.alarm().id());
            return;
        }
        try {
            thread.execute(() -> attempt(change, audience, 1));
        } catch (RejectedExecutionException e) {
            // Shutting down: the alarm path must not fail for a notice (the event is on Kafka already).
            pending.decrementAndGet();
            count("dropped");
            LOG.warnf("channel %s is stopped; dropped %s of alarm %s", name, change.change(), change.alarm().id());
        }
    }

    /** Notices queued or waiting for a retry. */
    int pending() {
        return pending.get();
    }

    private void attempt(AlarmChange change, String audience, int attempt) {
        try {
            channel.send(change.change().name(), audience, toView.apply(change));
            pending.decrementAndGet();
            count("delivered");
        } catch (RuntimeException e) {
            if (attempt >= settings.maxAttempts()) {
                pending.decrementAndGet();
                count("failed");
                LOG.errorf("channel %s: gave up on %s of alarm %s after %d attempts: %s", name, change.change(),
                        change.alarm().id(), attempt, e.getMessage());
                return;
            }
            Duration wait = backOff(attempt);
            count("retried");
            LOG.warnf("channel %s: %s of alarm %s not delivered (attempt %d: %s); next attempt in %d ms", name,
                    change.change(), change.alarm().id(), attempt, e.getMessage(), wait.toMillis());
            try {
                thread.schedule(() -> attempt(change, audience, attempt + 1), wait.toMillis(), TimeUnit.MILLISECONDS);
            } catch (RejectedExecutionException stopped) {
                pending.decrementAndGet();
            }
        }
    }

    /** First retry after {@code retry-initial}, doubling each time, at most {@code retry-max}. */
    Duration backOff(int attempt) {
        Duration wait = settings.retryInitial();
        for (int i = 1; i < attempt && wait.compareTo(settings.retryMax()) < 0; i++) {
            wait = wait.multipliedBy(2);
        }
        return wait.compareTo(settings.retryMax()) > 0 ? settings.retryMax() : wait;
    }

    private void count(String outcome) {
        if (metrics != null) {
            metrics.counter(METRIC, "channel", name, "outcome", outcome).increment();
        }
    }

    @Override
    public void close() {
        thread.shutdownNow();
    }
}
