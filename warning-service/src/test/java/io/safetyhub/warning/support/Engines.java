package io.safetyhub.warning.support;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import io.safetyhub.devstack.testing.TestInfra;
import io.safetyhub.events.Quality;
import io.safetyhub.events.Reading;
import io.safetyhub.warning.alarm.AlarmEngine;
import io.safetyhub.warning.alarm.AlarmRepository;
import io.safetyhub.warning.alarm.AlarmStore;
import io.safetyhub.warning.alarm.Shelves;
import io.safetyhub.warning.config.WarningConfig;
import io.safetyhub.warning.escalation.Escalator;
import io.safetyhub.warning.rule.RuleBook;
import io.safetyhub.warning.rule.StandardDefaults;
import io.quarkus.runtime.configuration.DurationConverter;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/**
 * The engine wired by hand against the real mongo-wire server of the test harness, in a database of its
 * own, so that timing can be driven by a {@link MutableClock} without starting Quarkus.
 */
public final class Engines {
    private static MongoClient mongo;

    public final WarningConfig config;
    public final MutableClock clock;
    public final RuleBook rules;
    public final AlarmRepository repository;
    public final AlarmStore store;
    public final Shelves shelves;
    public final AlarmEngine engine;
    public final Escalator escalator;

    private Engines(WarningConfig config, MutableClock clock) {
        this.config = config;
        this.clock = clock;
        this.rules = new RuleBook(new StandardDefaults(config), mongo(), config);
        this.repository = new AlarmRepository(mongo(), config);
        this.store = new AlarmStore(repository);
        this.shelves = new Shelves(mongo(), config);
        this.engine = new AlarmEngine(rules, store, shelves, clock);
        this.escalator = new Escalator(store, config, clock);
    }

    /** A fresh engine on an empty database. */
    public static Engines fresh(String database, MutableClock clock, Map<String, String> settings) {
        Engines e = new Engines(config(database, settings), clock);
        e.store.deleteAll();
        e.rules.removeAll();
        e.shelves.deleteAll();
        return e;
    }

    /** A new engine on the same database: what a restarted service finds. */
    public Engines restarted() {
        return new Engines(config, clock);
    }

    public static WarningConfig config(String database, Map<String, String> settings) {
        Map<String, String> all = new HashMap<>(settings);
        all.put("warning.database", database);
        SmallRyeConfig c = new SmallRyeConfigBuilder().withMapping(WarningConfig.class)
                .withConverter(java.time.Duration.class, 200, new DurationConverter()) // Quarkus' "30s" form
                .withDefaultValues(all).build();
        return c.getConfigMapping(WarningConfig.class);
    }

    public static synchronized MongoClient mongo() {
        if (mongo == null) {
            mongo = MongoClients.create(TestInfra.shared().mongoConnectionString());
        }
        return mongo;
    }

    public static Reading reading(String device, String kind, String metric, double value, Instant ts) {
        return reading(device, kind, metric, value, ts, null, null, Quality.GOOD);
    }

    public static Reading reading(String device, String kind, String metric, double value, Instant ts,
                                  String hazardSource, String gas, Quality quality) {
        return new Reading(UUID.randomUUID(), ts, "test", device, "chem-banan-01", kind, hazardSource, metric, value,
                null, gas, ts, ts, quality);
    }
}
