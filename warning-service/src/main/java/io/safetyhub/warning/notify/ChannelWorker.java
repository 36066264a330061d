package io.safetyhub.warning.notify;

import io.micrometer.core.instrument.MeterRegistry;
import io.safetyhub.warning.alarm.AlarmChange;
import io.safetyhub.warning.alarm.AlarmView;
import io.safetyhub.warning.config.WarningConfig;
import io.safetyhub.warning.delivery.Delivery;
import io.safetyhub.warning.delivery.DeliveryLog;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * One notification channel's own worker (issue 15 item 5): the alarm path only hands it a change (no I/O, never
 * blocks), and a thread of this channel alone builds the notice and sends it to each of the channel's targets,
 * retrying a failed send with exponential back-off. So a receiver that hangs or fails holds back this channel's next
 * notices, never an alarm, Kafka or another channel. The queue is bounded: past
 * {@code warning.notifications.queue-capacity} a new notice is dropped and counted (the alarm itself is on
 * {@code alarms.events.v1} and the gateway's stream regardless). Every attempt's outcome goes to the
 * {@link DeliveryLog} (issue 23: delivery status on the alarm).
 */
final class ChannelWorker implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(ChannelWorker.class);
    private static final String METRIC = "safetyhub_warning_notifications_total";

    private final String name;
    private final NotificationChannel channel;
    private final Function<AlarmChange, AlarmView> toView;
    private final WarningConfig.Notifications settings;
    private final MeterRegistry metrics;
    private final DeliveryLog log;
    private final Clock clock;
    private final ScheduledExecutorService thread;
    private final AtomicInteger pending = new AtomicInteger();
    private final Set<String> unaddressed = ConcurrentHashMap.newKeySet();

    ChannelWorker(String name, NotificationChannel channel, Function<AlarmChange, AlarmView> toView,
                  WarningConfig.Notifications settings, MeterRegistry metrics, DeliveryLog log, Clock clock) {
        this.name = name;
        this.channel = channel;
        this.toView = toView;
        this.settings = settings;
        this.metrics = metrics;
        this.log = log;
        this.clock = clock;
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
            dropped(change, audience, "queue full: " + settings.queueCapacity() + " notices waiting");
            LOG.warnf("channel %s: %d notices waiting (its receiver is slow or down); dropped %s of alarm %s",
                    name, settings.queueCapacity(), change.change(), change.alarm().id());
            return;
        }
        try {
            thread.execute(() -> fanOut(change, audience));
        } catch (RejectedExecutionException e) {
            // Shutting down: the alarm path must not fail for a notice (the event is on Kafka already).
            pending.decrementAndGet();
            dropped(change, audience, "channel stopped");
            LOG.warnf("channel %s is stopped; dropped %s of alarm %s", name, change.change(), change.alarm().id());
        }
    }

    /** Notices queued or waiting for a retry (one per target once the notice's targets are known). */
    int pending() {
        return pending.get();
    }

    private void fanOut(AlarmChange change, String audience) {
        AlarmView view;
        List<Target> targets;
        try {
            view = toView.apply(change);
            targets = channel.targets(audience, view);
        } catch (RuntimeException e) {
            pending.decrementAndGet();
            dropped(change, audience, "notice not built: " + e.getMessage());
            LOG.errorf(e, "channel %s: could not build %s of alarm %s", name, change.change(), change.alarm().id());
            return;
        }
        if (targets.isEmpty()) {
            pending.decrementAndGet();
            count("unaddressed");
            record(change, audience, new Target("-", List.of(), List.of()), Delivery.Status.DROPPED, false, 0,
                    "no recipients for " + audience, clock.instant());
            if (unaddressed.add(audience + "|" + view.district())) {
                LOG.infof("channel %s has no recipient group for audience %s in district %s: it sends nothing there "
                        + "(warning.notifications.groups; said once)", name, audience, view.district());
            }
            return;
        }
        pending.addAndGet(targets.size() - 1);
        Instant first = clock.instant();
        for (Target target : targets) {
            attempt(change, audience, view, target, 1, first);
        }
    }

    private void attempt(AlarmChange change, String audience, AlarmView view, Target target, int attempt,
                         Instant first) {
        try {
            channel.send(change.change().name(), audience, view, target);
            pending.decrementAndGet();
            count("delivered");
            record(change, audience, target, Delivery.Status.SENT, false, attempt, null, first);
        } catch (RuntimeException e) {
            boolean last = attempt >= settings.maxAttempts();
            record(change, audience, target, Delivery.Status.FAILED, !last, attempt, e.getMessage(), first);
            if (last) {
                pending.decrementAndGet();
                count("failed");
                LOG.errorf("channel %s: gave up on %s of alarm %s to %s after %d attempts: %s", name, change.change(),
                        change.alarm().id(), target.key(), attempt, e.getMessage());
                return;
            }
            Duration wait = backOff(attempt);
            count("retried");
            LOG.warnf("channel %s: %s of alarm %s to %s not delivered (attempt %d: %s); next attempt in %d ms", name,
                    change.change(), change.alarm().id(), target.key(), attempt, e.getMessage(), wait.toMillis());
            try {
                thread.schedule(() -> attempt(change, audience, view, target, attempt + 1, first), wait.toMillis(),
                        TimeUnit.MILLISECONDS);
            } catch (RejectedExecutionException stopped) {
                pending.decrementAndGet();
            }
        }
    }

    private void dropped(AlarmChange change, String audience, String why) {
        count("dropped");
        record(change, audience, new Target("-", List.of(), List.of()), Delivery.Status.DROPPED, false, 0, why,
                clock.instant());
    }

    private void record(AlarmChange change, String audience, Target target, Delivery.Status status, boolean retrying,
                        int attempts, String error, Instant first) {
        if (log == null) {
            return;
        }
        Instant changeAt = change.alarm().updatedAt() == null ? first : change.alarm().updatedAt();
        log.record(new Delivery(change.alarm().id(), change.change().name(), changeAt, name, target.key(), audience,
                target.shown(), status, retrying, attempts, error, first, clock.instant()));
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
