package io.safetyhub.warning.rule;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.safetyhub.devstack.testing.RealInfraResource;
import io.safetyhub.events.AlarmLevel;
import io.safetyhub.warning.config.WarningConfig;
import io.safetyhub.warning.support.Engines;
import io.safetyhub.warning.support.TestMongo;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Overrides and created rules as MongoDB stores them, read back after a restart exactly as they were put; in a
 * database of its own. A Quarkus test only to share the test JVM's one harness with the other Quarkus tests.
 */
@QuarkusTest
@QuarkusTestResource(RealInfraResource.class)
class MongoRuleRepositoryIT {
    private static final WarningConfig CONFIG = Engines.config(Map.of("warning.database", "warning_rule_repository_it"));

    @Test
    void shouldReadBackOverridesAndCreatedRulesWhenRestarted() {
        StandardDefaults defaults = new StandardDefaults(CONFIG);
        MongoRuleRepository repository = new MongoRuleRepository(defaults, TestMongo.client(), CONFIG);
        repository.deleteAll();
        RuleBook book = new RuleBook(defaults, repository);
        Rule gas = defaults.byId(StandardDefaults.GAS_LEL).orElseThrow();
        Rule override = book.put(gas.overriddenBy("chem-banan-01", "GA-9", List.of(new Rule.Step(AlarmLevel.YELLOW, 15),
                new Rule.Step(AlarmLevel.ORANGE, 40)), Duration.ofSeconds(10), 1.5));
        Rule created = book.put(Rule.custom("level", Rule.Comparison.LOW, "tank", "chem-banan-01", null,
                List.of(new Rule.Step(AlarmLevel.YELLOW, 20), new Rule.Step(AlarmLevel.ORANGE, 10)), Duration.ZERO, 2));

        RuleBook restarted = new RuleBook(defaults, new MongoRuleRepository(defaults, TestMongo.client(), CONFIG));
        assertEquals(override, restarted.override(RuleBook.key(gas.id(), "chem-banan-01", "GA-9")).orElseThrow());
        assertEquals(created, restarted.override(RuleBook.key(created.id(), "chem-banan-01", null)).orElseThrow());
        assertEquals(List.of(override), restarted.rulesFor("gas_lel", "gas-alarm", "chem-banan-01", "GA-9"));
        assertEquals(List.of(created), restarted.rulesFor("level", "tank", "chem-banan-01", "TK-1"));
    }
}
