package io.safetyhub.warning.messaging;

import org.jboss.logging.Logger;

import java.time.Duration;

/**
 * Runs a step of taking over partitions (loading their alarms, reading back what was published) until it succeeds.
 * The rebalance listener runs on the readings consumer's poll thread, so while it waits no record of those partitions
 * reaches the engine; were the step given up instead, the replica would consume them without owning them: their
 * readings stored, their offsets committed, and no alarm ever raised for them (seen on 2026-12-04 when the embedded
 * MongoDB failed one query at a restart). Waits 1 s, then twice as long each time, up to 30 s.
 */
final class TakeoverRetry {
    private static final Logger LOG = Logger.getLogger(TakeoverRetry.class);
    static final Duration FIRST_WAIT = Duration.ofSeconds(1);
    static final Duration LONGEST_WAIT = Duration.ofSeconds(30);

    /** How the wait between two attempts is spent (a test passes one that only records it). */
    interface Sleeper {
        void sleep(Duration wait) throws InterruptedException;
    }

    private TakeoverRetry() {
    }

    /** Runs {@code step} until it returns; the number of attempts it took. Interrupted: gives up with an exception. */
    static int untilDone(String what, Runnable step, Sleeper sleeper) {
        Duration wait = FIRST_WAIT;
        for (int attempt = 1; ; attempt++) {
            try {
                step.run();
                if (attempt > 1) {
                    LOG.infof("%s done at attempt %d", what, attempt);
                }
                return attempt;
            } catch (RuntimeException e) {
                LOG.errorf("%s failed (attempt %d): %s. Their readings wait on Kafka, none is consumed meanwhile; trying"
                        + " again in %d s", what, attempt, e.getMessage(), wait.toSeconds());
                try {
                    sleeper.sleep(wait);
                } catch (InterruptedException stop) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException(what + ": interrupted while waiting to try again", e);
                }
                wait = wait.multipliedBy(2).compareTo(LONGEST_WAIT) > 0 ? LONGEST_WAIT : wait.multipliedBy(2);
            }
        }
    }

    static void sleep(Duration wait) throws InterruptedException {
        Thread.sleep(wait.toMillis());
    }
}
