package io.safetyhub.emergency.alarm;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.time.Clock;

/** Removes the command map's closed alarm copies once their retention has passed ({@link AlarmView#purgeClosed}). */
@ApplicationScoped
public class ClosedAlarmPurge {
    private static final Logger LOG = Logger.getLogger(ClosedAlarmPurge.class);
    private final AlarmView view;
    private final Clock clock;

    public ClosedAlarmPurge(AlarmView view, Clock clock) {
        this.view = view;
        this.clock = clock;
    }

    @Scheduled(every = "${emergency.map.closed-alarm-purge-every:1h}", delayed = "1m",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void purge() {
        long removed = view.purgeClosed(clock.instant());
        if (removed > 0) {
            LOG.infof("removed %d closed alarm copies past emergency.map.closed-alarm-retention", removed);
        }
    }
}
