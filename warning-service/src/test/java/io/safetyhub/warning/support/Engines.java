package io.safetyhub.warning.support;

import io.quarkus.runtime.configuration.DurationConverter;
import io.safetyhub.events.Quality;
import io.safetyhub.events.Reading;
import io.safetyhub.warning.alarm.AlarmEngine;
import io.safetyhub.warning.alarm.AlarmStore;
import io.safetyhub.warning.alarm.InMemoryAlarmRepository;
import io.safetyhub.warning.alarm.InMemoryShelfRepository;
import io.safetyhub.warning.alarm.Ownership;
import io.safetyhub.warning.alarm.Shelves;
import io.safetyhub.warning.config.WarningConfig;
import io.safetyhub.warning.escalation.Escalator;
import io.safetyhub.warning.rule.InMemoryRuleRepository;
import io.safetyhub.warning.rule.RuleBook;
import io.safetyhub.warning.rule.StandardDefaults;
import io.smallrye.config.SmallRyeConfigBuilder;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The engine wired by hand on in-memory repositories: no MongoDB, no Quarkus, time driven by a {@link MutableClock}.
 * {@link #restarted()} builds a new engine on the same repositories: what a restarted service finds.
 */
public final class Engines {
    /** Building a config mapping costs a good part of a test's time; the mappings are immutable, so shared. */
    private static final Map<Map<String, String>, WarningConfig> CONFIGS = new ConcurrentHashMap<>();

    public final WarningConfig config;
    public final MutableClock clock;
    public final InMemoryAlarmRepository repository;
    public final RuleBook rules;
    public final AlarmStore store;
    public final Shelves shelves;
    public final AlarmEngine engine;
    public final Escalator escalator;
    private final InMemoryRuleRepository ruleRepository;
    private final InMemoryShelfRepository shelfRepository;

    private Engines(WarningConfig config, MutableClock clock, InMemoryAlarmRepository repository,
                    InMemoryRuleRepository ruleRepository, InMemoryShelfRepository shelfRepository) {
        this(config, clock, repository, ruleRepository, shelfRepository, Ownership.all());
    }

    private Engines(WarningConfig config, MutableClock clock, InMemoryAlarmRepository repository,
                    InMemoryRuleRepository ruleRepository, InMemoryShelfRepository shelfRepository,
                    Ownership ownership) {
        this.config = config;
        this.clock = clock;
        this.repository = repository;
        this.ruleRepository = ruleRepository;
        this.shelfRepository = shelfRepository;
        this.rules = new RuleBook(new StandardDefaults(config), ruleRepository);
        this.store = new AlarmStore(repository, clock, config, ownership);
        this.shelves = new Shelves(shelfRepository);
        this.engine = new AlarmEngine(rules, store, shelves, clock, config);
        this.escalator = new Escalator(store, config, clock);
    }

    /** A fresh engine with nothing stored. */
    public static Engines fresh(MutableClock clock, Map<String, String> settings) {
        return new Engines(config(settings), clock, new InMemoryAlarmRepository(), new InMemoryRuleRepository(),
                new InMemoryShelfRepository());
    }

    /**
     * A new engine on the same repositories: what a restarted service finds once the old one's background writes are
     * stored (a crash losing them is {@link #onSameRepositories}).
     */
    public Engines restarted() {
        store.written().join();
        return new Engines(config, clock, repository, ruleRepository, shelfRepository);
    }

    /**
     * A new engine on the same repositories without waiting for the old one's background writes: with its store
     * closed first, what a restart after a kill -9 finds.
     */
    public static Engines onSameRepositories(Engines old) {
        return new Engines(old.config, old.clock, old.repository, old.ruleRepository, old.shelfRepository);
    }

    /**
     * Another replica on the same repositories, owning what {@code ownership} names (set it, then
     * {@code store.adopt(...)}, as the rebalance listener does).
     */
    public static Engines replica(Engines other, Ownership ownership) {
        return new Engines(other.config, other.clock, other.repository, other.ruleRepository, other.shelfRepository,
                ownership);
    }

    /** A new engine on the same repositories with other settings: a restart after a configuration change. */
    public Engines restartedWith(Map<String, String> settings) {
        store.written().join();
        return new Engines(config(settings), clock, repository, ruleRepository, shelfRepository);
    }

    /** The service's configuration: defaults, overridden by {@code settings}; built once per distinct settings. */
    public static WarningConfig config(Map<String, String> settings) {
        return CONFIGS.computeIfAbsent(Map.copyOf(settings), s -> new SmallRyeConfigBuilder()
                .withMapping(WarningConfig.class)
                .withConverter(java.time.Duration.class, 200, new DurationConverter()) // Quarkus' "30s" form
                .withDefaultValues(s).build().getConfigMapping(WarningConfig.class));
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
