package io.safetyhub.bench;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class PipelineCountersTest {

    @Test
    void shouldSumEveryTagWhenReadingAPrometheusCounter() {
        String text = """
                # HELP safetyhub_warning_readings_total
                # TYPE safetyhub_warning_readings_total counter
                safetyhub_warning_readings_total{kind="gas-alarm"} 1200.0
                safetyhub_warning_readings_total{kind="tank"} 34.0
                safetyhub_warning_readings_total_other 99.0
                safetyhub_warning_alarm_changes_total{change="RAISED",level="YELLOW"} 5.0
                """;
        assertEquals(1234.0, PipelineCounters.metricSum(text, "safetyhub_warning_readings_total"));
        assertEquals(0.0, PipelineCounters.metricSum(text, "safetyhub_missing_total"));
    }
}
