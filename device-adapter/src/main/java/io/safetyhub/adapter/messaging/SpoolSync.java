package io.safetyhub.adapter.messaging;

import org.jboss.logging.Logger;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Group commit for the spool: the futures of records appended since the last fsync wait here, one thread forces the
 * file and completes all of them at once, so a burst of spooled records costs one fsync rather than one each. With
 * fsync off a record counts as durable once written (it survives the process, not the machine).
 */
final class SpoolSync implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(SpoolSync.class);

    private final DiskSpool spool;
    private final Object spoolLock;
    private final boolean fsync;
    private final List<CompletableFuture<Void>> waiting = new ArrayList<>();
    private final Thread thread;
    private volatile boolean closed;

    SpoolSync(DiskSpool spool, Object spoolLock, boolean fsync) {
        this.spool = spool;
        this.spoolLock = spoolLock;
        this.fsync = fsync;
        this.thread = new Thread(this::loop, "spool-fsync");
        thread.setDaemon(true);
        thread.start();
    }

    /** Completes {@code done} once the record appended before this call is on the device. */
    void durableAfterSync(CompletableFuture<Void> done) {
        if (!fsync) {
            done.complete(null);
            return;
        }
        synchronized (this) {
            waiting.add(done);
            notifyAll();
        }
    }

    @Override
    public void close() {
        closed = true;
        thread.interrupt();
    }

    private void loop() {
        while (!closed) {
            List<CompletableFuture<Void>> taken;
            synchronized (this) {
                while (waiting.isEmpty()) {
                    try {
                        wait();
                    } catch (InterruptedException e) {
                        return;
                    }
                }
                taken = new ArrayList<>(waiting);
                waiting.clear();
            }
            try {
                synchronized (spoolLock) {
                    spool.sync();
                }
                taken.forEach(f -> f.complete(null));
            } catch (IOException e) {
                // Not durable: the upstream message stays unacknowledged and is redelivered.
                LOG.errorf("fsync of the spool failed: %s", e.getMessage());
                taken.forEach(f -> f.completeExceptionally(e));
            }
        }
    }
}
