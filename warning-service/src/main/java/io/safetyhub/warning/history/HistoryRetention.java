package io.safetyhub.warning.history;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

/**
 * Drops history buckets past {@code warning.history.retention} every hour. Real MongoDB expires them by itself (the
 * TTL index on {@code expireAt}); the embedded server ignores TTL indexes, hence this.
 */
@ApplicationScoped
public class HistoryRetention {
    private static final Logger LOG = Logger.getLogger(HistoryRetention.class);

    private final HistoryStore history;

    public HistoryRetention(HistoryStore history) {
        this.history = history;
    }

    @Scheduled(every = "1h", delayed = "1m")
    void purgeExpired() {
        LOG.infof("purged %d expired history buckets", history.purge());
    }
}
