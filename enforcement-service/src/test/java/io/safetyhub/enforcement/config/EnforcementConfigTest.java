package io.safetyhub.enforcement.config;

import io.quarkus.runtime.configuration.DurationConverter;
import io.quarkus.runtime.configuration.MemorySize;
import io.quarkus.runtime.configuration.MemorySizeConverter;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The documented defaults, read as the service reads them with nothing set. */
public class EnforcementConfigTest {

    /** A key only so that the mapping is complete: the real one comes from the environment. */
    private static final String SOME_KEY = "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=";

    public static EnforcementConfig defaults(Map<String, String> overrides) {
        Map<String, String> values = new java.util.HashMap<>(overrides);
        values.putIfAbsent("enforcement.reports.encryption-key", SOME_KEY);
        SmallRyeConfig config = new SmallRyeConfigBuilder().withMapping(EnforcementConfig.class)
                .withConverter(Duration.class, 200, new DurationConverter())
                .withConverter(MemorySize.class, 200, new MemorySizeConverter())
                .withDefaultValues(values)
                .build();
        return config.getConfigMapping(EnforcementConfig.class);
    }

    @Test
    void shouldWeighRedFourTimesBlueWhenNothingIsConfigured() {
        EnforcementConfig config = defaults(Map.of());
        EnforcementConfig.Weights w = config.draw().weights();
        assertEquals(List.of(4, 3, 2, 1), List.of(w.red(), w.orange(), w.yellow(), w.blue()));
        assertEquals(2, config.draw().inspectorsPerEnterprise());
        assertEquals(50_000, config.penalty().legalReviewAbove());
        assertEquals(7, config.posting().workingDays());
        assertEquals(10L * 1024 * 1024, config.evidence().maxFileSize().asLongValue());
        assertEquals(30, config.supervision().rectificationDays());
    }

    @Test
    void shouldTakeAnOperatorsWeightWhenOneIsConfigured() {
        EnforcementConfig config = defaults(Map.of("enforcement.draw.weights.red", "6"));
        assertEquals(6, config.draw().weights().red());
    }
}
