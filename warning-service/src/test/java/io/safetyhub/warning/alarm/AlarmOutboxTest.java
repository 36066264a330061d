package io.safetyhub.warning.alarm;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.safetyhub.devstack.testing.RealInfraResource;
import io.safetyhub.events.AlarmEvent;
import io.safetyhub.warning.support.Engines;
import io.safetyhub.warning.support.MutableClock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static io.safetyhub.warning.support.Engines.reading;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A crash between storing an alarm change and Kafka's ack (the kill-warning drill lost such alarms): the replayed
 * reading cannot raise the alarm again, so the stored outbox must hand the change out after the restart.
 */
@QuarkusTest
@QuarkusTestResource(RealInfraResource.class) // the same class loader, hence the same test infrastructure, as the rest
class AlarmOutboxTest {
    private static final Instant T0 = Instant.parse("2026-11-23T06:00:00Z");
    private Engines e;

    @BeforeEach
    void fresh() {
        e = Engines.fresh("warning_outbox_test", new MutableClock(T0), Map.of());
    }

    @Test
    void shouldHandOutTheUnpublishedChangesInOrderWhenRestartedAfterACrash() {
        List<AlarmChange> raised = e.engine.onReading(reading("GA-OUT", "gas-alarm", "gas_lel", 30, T0));
        List<AlarmChange> cleared = e.engine.onReading(reading("GA-OUT", "gas-alarm", "gas_lel", 0, T0.plusSeconds(1)));
        assertEquals(AlarmEvent.Change.RAISED, raised.get(0).change());
        assertEquals(AlarmEvent.Change.CLEARED, cleared.get(0).change());
        // crash: nothing was published

        Engines restarted = e.restarted();
        assertTrue(restarted.engine.onReading(reading("GA-OUT", "gas-alarm", "gas_lel", 30, T0)).isEmpty(),
                "the replayed reading raises nothing: only the outbox can still publish the alarm");
        List<AlarmChange> recovered = restarted.store.takeRecovered();
        assertEquals(List.of(AlarmEvent.Change.RAISED, AlarmEvent.Change.CLEARED),
                recovered.stream().map(AlarmChange::change).toList());
        assertEquals(raised.get(0).alarm().id(), recovered.get(0).alarm().id());
        assertEquals(List.of(), restarted.store.takeRecovered(), "handed out once");
    }

    @Test
    void shouldRecoverNothingWhenKafkaHadEveryChange() {
        List<AlarmChange> raised = e.engine.onReading(reading("GA-PUB", "gas-alarm", "gas_lel", 60, T0));
        e.store.published(raised);
        List<AlarmChange> cleared = e.engine.onReading(reading("GA-PUB", "gas-alarm", "gas_lel", 0, T0.plusSeconds(1)));
        e.store.takeRecovered();

        List<AlarmChange> halfway = e.restarted().store.takeRecovered();
        assertEquals(List.of(AlarmEvent.Change.CLEARED), halfway.stream().map(AlarmChange::change).toList(),
                "only the change Kafka never acknowledged");
        e.store.published(cleared);
        assertEquals(List.of(), e.restarted().store.takeRecovered());
    }
}
