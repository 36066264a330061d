package io.safetyhub.adapter.mqtt;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The throttle against password guessing, on a hand-driven clock, with checks that record what happened to them. */
class GuessingThrottleTest {
    private static final long SECOND = TimeUnit.SECONDS.toNanos(1);
    private static final String GUESSER = "10.0.0.9";
    private final AtomicLong now = new AtomicLong(1_000 * SECOND);
    private final GuessingThrottle throttle = new GuessingThrottle(20, 3 * SECOND, 100, 1000, now::get);

    @Test
    void shouldThrottleTheAddressWhenItFailedTwentyTimes() {
        List<Attempt> attempts = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            attempts.add(attempt(GUESSER));
            attempts.get(i).fail();
        }

        assertEquals(20, count(attempts, State.FAILED), "100 wrong passwords one after the other: 20 checked");
        assertEquals(80, count(attempts, State.REFUSED), "and 80 refused without a hash");
    }

    @Test
    void shouldCheckNoMoreThanTheBurstWhenAGuesserSendsHundredsAtOnce() {
        List<Attempt> attempts = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            attempts.add(attempt(GUESSER));
        }
        assertEquals(20, count(attempts, State.STARTED), "20 checks run at once");
        assertEquals(100, count(attempts, State.WAITING), "100 wait (maxWaiting)");
        assertEquals(180, count(attempts, State.REFUSED), "the rest refused at once");

        for (int round = 0; round < 10 && count(attempts, State.STARTED) > 0; round++) {
            attempts.stream().filter(a -> a.state == State.STARTED).toList().forEach(Attempt::fail);
        }

        assertEquals(20, count(attempts, State.FAILED), "only the burst was ever hashed");
        assertEquals(280, count(attempts, State.REFUSED), "the waiting ones refused once the bucket was spent");
    }

    @Test
    void shouldLetAFleetBehindOneAddressInWhenItReconnectsAtOnce() {
        List<Attempt> fleet = new ArrayList<>();
        for (int i = 0; i < 120; i++) {
            fleet.add(attempt("10.0.0.7"));
        }
        assertEquals(20, count(fleet, State.STARTED));

        for (int round = 0; round < 10; round++) {
            fleet.stream().filter(a -> a.state == State.STARTED).toList().forEach(Attempt::succeed);
        }

        assertEquals(120, count(fleet, State.ACCEPTED), "every honest device checked, 20 at a time, none refused");
    }

    @Test
    void shouldStartWaitingChecksInTheOrderTheyCameWhenATokenIsGivenBack() {
        List<Attempt> attempts = new ArrayList<>();
        for (int i = 0; i < 22; i++) {
            attempts.add(attempt("10.0.0.7"));
        }

        attempts.get(0).succeed();

        assertEquals(State.STARTED, attempts.get(20).state);
        assertEquals(State.WAITING, attempts.get(21).state);
    }

    @Test
    void shouldGiveTheTokenBackWhenTheCheckEndsWithoutAVerdict() {
        for (int i = 0; i < 1000; i++) {
            Attempt attempt = attempt(GUESSER);
            assertEquals(State.STARTED, attempt.state, "attempt " + i);
            throttle.release(GUESSER, false); // the device left while waiting, or the store was unreachable
        }
    }

    @Test
    void shouldLeaveOtherAddressesAloneWhenOneIsThrottled() {
        for (int i = 0; i < 100; i++) {
            attempt(GUESSER).fail();
        }

        assertEquals(State.STARTED, attempt("10.0.0.10").state);
    }

    @Test
    void shouldAllowOneMoreAttemptPerRefillWhenThrottled() {
        for (int i = 0; i < 20; i++) {
            attempt(GUESSER).fail();
        }
        assertEquals(State.REFUSED, attempt(GUESSER).state);

        now.addAndGet(3 * SECOND);
        attempt(GUESSER).fail();
        assertEquals(State.REFUSED, attempt(GUESSER).state);
        now.addAndGet(60 * SECOND);
        List<Attempt> attempts = new ArrayList<>();
        for (int i = 0; i < 21; i++) {
            attempts.add(attempt(GUESSER));
        }
        assertEquals(20, count(attempts, State.STARTED), "full again after a minute, never more than the burst");
    }

    @Test
    void shouldForgetTheLeastRecentIdleAddressWhenTheTableIsFull() {
        GuessingThrottle small = new GuessingThrottle(1, SECOND, 0, 2, now::get);
        for (String address : List.of("a", "b", "c")) {
            small.acquire(address, new Attempt());
            small.release(address, true);
        }

        assertEquals(2, small.tracked());
        Attempt again = new Attempt();
        small.acquire("a", again);
        assertEquals(State.STARTED, again.state, "a was forgotten and starts with a full bucket");
        Attempt spent = new Attempt();
        small.acquire("c", spent);
        assertEquals(State.REFUSED, spent.state);
    }

    @Test
    void shouldKeepAnAddressWithARunningCheckWhenTheTableIsFull() {
        GuessingThrottle small = new GuessingThrottle(1, SECOND, 1, 1, now::get);
        Attempt running = new Attempt();
        small.acquire("a", running);
        Attempt waiting = new Attempt();
        small.acquire("a", waiting);
        small.acquire("b", new Attempt());

        small.release("a", false);

        assertEquals(State.STARTED, waiting.state, "a's waiting check was not lost with its bucket");
    }

    private Attempt attempt(String address) {
        Attempt attempt = new Attempt(throttle, address);
        throttle.acquire(address, attempt);
        return attempt;
    }

    private static long count(List<Attempt> attempts, State state) {
        return attempts.stream().filter(a -> a.state == state).count();
    }

    private enum State { WAITING, STARTED, REFUSED, ACCEPTED, FAILED }

    private static final class Attempt implements GuessingThrottle.Check {
        private final GuessingThrottle throttle;
        private final String address;
        private State state = State.WAITING;

        private Attempt() {
            this(null, null);
        }

        private Attempt(GuessingThrottle throttle, String address) {
            this.throttle = throttle;
            this.address = address;
        }

        @Override
        public void start() {
            assertEquals(State.WAITING, state, "started once, never after a refusal");
            state = State.STARTED;
        }

        @Override
        public void refuse() {
            assertEquals(State.WAITING, state, "refused once, never after a start");
            state = State.REFUSED;
        }

        void succeed() {
            end(State.ACCEPTED, false);
        }

        void fail() {
            end(State.FAILED, true);
        }

        private void end(State verdict, boolean failed) {
            if (state == State.STARTED) {
                state = verdict;
                throttle.release(address, failed);
            }
        }
    }
}
