package io.safetyhub.warning.alarm;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.safetyhub.devstack.testing.RealInfraResource;
import io.safetyhub.warning.config.WarningConfig;
import io.safetyhub.warning.support.Engines;
import io.safetyhub.warning.support.TestMongo;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The repository contract against the real mongo-wire server, in a database of its own; and shelvings surviving a
 * restart. A Quarkus test only to share the test JVM's one harness with the other Quarkus tests.
 */
@QuarkusTest
@QuarkusTestResource(RealInfraResource.class)
class MongoAlarmRepositoryIT extends AlarmRepositoryContract {
    private static final WarningConfig CONFIG = Engines.config(Map.of("warning.database", "warning_repository_it"));

    @Override
    protected AlarmRepository emptyRepository() {
        MongoAlarmRepository repository = new MongoAlarmRepository(TestMongo.client(), CONFIG, new Ownership());
        repository.deleteAll();
        return repository;
    }

    @Test
    void shouldKnowTheShelvedDeviceWhenRestarted() {
        Instant now = Instant.parse("2026-06-01T08:00:00Z");
        MongoShelfRepository repository = new MongoShelfRepository(TestMongo.client(), CONFIG);
        repository.deleteAll();
        new Shelves(repository).put(new Shelves.Shelf("GA-M1", "chem-banan-01", now.plusSeconds(3600), "calibration",
                "ent.chem", now));
        Shelves restarted = new Shelves(new MongoShelfRepository(TestMongo.client(), CONFIG));
        assertTrue(restarted.isShelved("GA-M1", "chem-banan-01", now.plusSeconds(60)));
        assertEquals(List.of("GA-M1"), repository.findAll().stream().map(Shelves.Shelf::deviceId).toList());
    }

    @Test
    void shouldKeepBothTenantsShelvingsWhenTheyShareADeviceIdAcrossARestart() {
        Instant now = Instant.parse("2026-06-01T08:00:00Z");
        MongoShelfRepository repository = new MongoShelfRepository(TestMongo.client(), CONFIG);
        repository.deleteAll();
        Shelves shelves = new Shelves(repository);
        shelves.put(new Shelves.Shelf("GA-M2", "chem-banan-01", now.plusSeconds(3600), "calibration", "ent.chem", now));
        shelves.put(new Shelves.Shelf("GA-M2", "build-yubei-01", now.plusSeconds(1), "x", "ent.build", now));
        Shelves restarted = new Shelves(new MongoShelfRepository(TestMongo.client(), CONFIG));
        assertTrue(restarted.isShelved("GA-M2", "chem-banan-01", now.plusSeconds(60)));
        assertEquals(2, repository.findAll().size());
    }
}
