package io.safetyhub.emergency.alarm;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.safetyhub.devstack.testing.RealInfraResource;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The command map's closed alarm copies go once {@code emergency.map.closed-alarm-retention} (30 days) has passed
 * since their last event, on the real mongo-wire; open ones stay however old, and a recent closed one stays to stop a
 * late, older event reopening it.
 */
@QuarkusTest
@QuarkusTestResource(RealInfraResource.class)
class ClosedAlarmRetentionIT {
    @Inject
    AlarmView view;

    private static KnownAlarm copy(boolean open, Instant asOf) {
        return copy("GA-RET|default-gas-lel|" + UUID.randomUUID(), open, asOf);
    }

    private static KnownAlarm copy(String id, boolean open, Instant asOf) {
        return new KnownAlarm(id, "chem-banan-01", "巴南区", "YELLOW", open ? "ACTIVE" : "CLOSED", "THRESHOLD", "GA-RET",
                "gas_lel", 30.0, "%LEL", "gas_lel 30", asOf.minusSeconds(60), open, asOf);
    }

    @Test
    void shouldRemoveOnlyClosedCopiesPastTheirRetentionWhenPurged() {
        Instant now = Instant.now();
        KnownAlarm closedLongAgo = copy(false, now.minus(Duration.ofDays(40)));
        KnownAlarm closedYesterday = copy(false, now.minus(Duration.ofDays(1)));
        KnownAlarm openLongAgo = copy(true, now.minus(Duration.ofDays(40)));
        assertTrue(view.keepIfNewer(closedLongAgo));
        assertTrue(view.keepIfNewer(closedYesterday));
        assertTrue(view.keepIfNewer(openLongAgo));

        assertTrue(view.purgeClosed(now) >= 1);

        assertFalse(view.byId(closedLongAgo.id()).isPresent(), "closed 40 days ago: past the 30-day retention");
        assertTrue(view.byId(closedYesterday.id()).isPresent(), "closed yesterday: kept against late events");
        assertTrue(view.byId(openLongAgo.id()).isPresent(), "open: on the map however old");
        assertFalse(view.keepIfNewer(copy(closedYesterday.id(), true, now.minus(Duration.ofDays(2)))),
                "an older event still cannot reopen a kept closed copy");
    }
}
