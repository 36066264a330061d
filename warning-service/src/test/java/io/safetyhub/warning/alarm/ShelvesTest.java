package io.safetyhub.warning.alarm;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Issue 15 item 2: shelvings are keyed by enterprise and device, so tenants cannot overwrite each other's. */
class ShelvesTest {
    private static final Instant T0 = Instant.parse("2026-06-01T08:00:00Z");

    @Test
    void shouldKeepEachTenantsShelvingWhenTwoEnterprisesShelveTheSameDeviceId() {
        InMemoryShelfRepository repository = new InMemoryShelfRepository();
        Shelves shelves = new Shelves(repository);
        shelves.put(new Shelves.Shelf("GA-1", "chem-banan-01", T0.plus(Duration.ofHours(2)), "calibration", "a", T0));
        shelves.put(new Shelves.Shelf("GA-1", "build-yubei-01", T0.plusSeconds(1), "other tenant", "b", T0));

        assertTrue(shelves.isShelved("GA-1", "chem-banan-01", T0.plus(Duration.ofHours(1))),
                "the other tenant's shorter shelving must not end this one");
        assertFalse(shelves.isShelved("GA-1", "build-yubei-01", T0.plus(Duration.ofHours(1))));
        assertEquals(2, repository.findAll().size());
        assertTrue(new Shelves(repository).isShelved("GA-1", "chem-banan-01", T0.plus(Duration.ofHours(1))),
                "both survive a restart");
    }

    @Test
    void shouldNotSuppressAnotherEnterprisesAlarmsWhenATenantShelvesItsDeviceId() {
        Shelves shelves = new Shelves(new InMemoryShelfRepository());
        shelves.put(new Shelves.Shelf("GA-2", "build-yubei-01", T0.plus(Duration.ofHours(2)), "x", "b", T0));
        assertFalse(shelves.isShelved("GA-2", "chem-banan-01", T0.plusSeconds(60)));
    }

    @Test
    void shouldEndTheShelvingWhenItsWindowIsOver() {
        Shelves shelves = new Shelves(new InMemoryShelfRepository());
        shelves.put(new Shelves.Shelf("GA-3", "chem-banan-01", T0.plusSeconds(60), "x", "a", T0));
        assertTrue(shelves.isShelved("GA-3", "chem-banan-01", T0.plusSeconds(59)));
        assertFalse(shelves.isShelved("GA-3", "chem-banan-01", T0.plusSeconds(60)));
    }
}
