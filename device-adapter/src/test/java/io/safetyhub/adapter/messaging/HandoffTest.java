package io.safetyhub.adapter.messaging;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class HandoffTest {
    private static final long TICK = TimeUnit.MILLISECONDS.toNanos(1);

    @Test
    void shouldNotWakeTheTakerWhenItemsKeepComing() throws InterruptedException {
        Handoff<String> handoff = new Handoff<>(TICK, 3);
        handoff.add("a");
        assertEquals("a", handoff.take(1, TimeUnit.SECONDS));
        assertNull(handoff.take(10, TimeUnit.SECONDS)); // one tick found nothing: not asleep yet
        handoff.add("b"); // the taker looks again after its next tick: nobody wakes it
        handoff.add("c");
        assertEquals("b", handoff.take(1, TimeUnit.SECONDS));
        assertEquals("c", handoff.take(1, TimeUnit.SECONDS));
        assertEquals(0, handoff.wakeUps());
    }

    @Test
    void shouldWakeASleepingTakerWhenAnItemComesAfterIdleTicks() throws Exception {
        Handoff<String> handoff = new Handoff<>(TICK, 2);
        assertNull(handoff.take(1, TimeUnit.SECONDS)); // tick 1
        assertNull(handoff.take(1, TimeUnit.SECONDS)); // tick 2: the next look sleeps
        CompletableFuture<String> taken = new CompletableFuture<>();
        Thread taker = new Thread(() -> {
            try {
                taken.complete(handoff.take(60, TimeUnit.SECONDS)); // the third look: asleep, until add() wakes it
            } catch (InterruptedException e) {
                taken.completeExceptionally(e);
            }
        });
        taker.start();
        while (taker.getState() != Thread.State.TIMED_WAITING || LockSupport.getBlocker(taker) != handoff) {
            Thread.onSpinWait();
        }
        handoff.add("late");
        assertEquals("late", taken.get(30, TimeUnit.SECONDS)); // not after the 60 s
        assertEquals(1, handoff.wakeUps());
    }

    @Test
    void shouldKeepEachSubmittersOrderWhenManySubmit() throws Exception {
        Handoff<int[]> handoff = new Handoff<>(TICK, 3);
        int submitters = 4;
        int each = 20_000;
        List<Thread> threads = new ArrayList<>();
        for (int s = 0; s < submitters; s++) {
            int id = s;
            Thread t = new Thread(() -> {
                for (int i = 0; i < each; i++) {
                    handoff.add(new int[]{id, i});
                }
            });
            t.start();
            threads.add(t);
        }
        int[] next = new int[submitters];
        int taken = 0;
        while (taken < submitters * each) {
            int[] item = handoff.take(10, TimeUnit.SECONDS);
            assertTrue(item != null, "an item was lost after " + taken);
            assertEquals(next[item[0]]++, item[1], "submitter " + item[0] + "'s order");
            taken++;
        }
        for (Thread t : threads) {
            t.join();
        }
        assertNull(handoff.poll());
    }

    @Test
    void shouldStopTakingWhenInterrupted() {
        Handoff<String> handoff = new Handoff<>(TICK, 0);
        Thread.currentThread().interrupt();
        assertThrows(InterruptedException.class, () -> handoff.take(10, TimeUnit.SECONDS));
    }
}
