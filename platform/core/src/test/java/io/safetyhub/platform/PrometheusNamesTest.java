package io.safetyhub.platform;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.LongTaskTimer;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import java.util.Set;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;

class PrometheusNamesTest {

    @Test
    void shouldDropLongTaskTimersAndAbbreviatedUnitsAndRenameCountGaugesWhenRegistered() {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        registry.config().meterFilter(new PrometheusNames());
        LongTaskTimer.builder("http.server.connections").register(registry);
        FunctionCounter.builder("kafka.consumer.io.time.ns.total", this, x -> 1).register(registry);
        Gauge.builder("kafka.app.info.start.time.ms", () -> 1).register(registry);
        FunctionCounter.builder("process.cpu.time", this, x -> 1).baseUnit("ns").register(registry);
        Gauge.builder("system.cpu.count", () -> 2).register(registry);
        Gauge.builder("kafka.producer.connection.count", () -> 0).register(registry);
        Gauge.builder("system.load.average.1m", () -> 0.5).register(registry);
        Counter.builder("http.server.requests").register(registry);

        Set<String> names = new TreeSet<>();
        registry.getMeters().stream().map(Meter::getId).forEach(id -> names.add(id.getName()));
        assertEquals(Set.of("system.cpu.processors", "kafka.producer.connections", "system.load.average.1m",
                "http.server.requests"), names);
    }

    @ParameterizedTest
    @CsvSource({
            "kafka.consumer.commit.sync.time.ns.total, true",
            "kafka.app.info.start.time.ms,             true",
            "jvm.gc.pause,                             false",
            "system.load.average.1m,                   false",
            "mongodb.driver.pool.size,                 false",
            "kafka.consumer.fetch.manager.records.lag, false"})
    void shouldTellAbbreviatedUnitsAsPromtoolDoesWhenNamed(String name, boolean abbreviated) {
        Meter.Id id = new Meter.Id(name, io.micrometer.core.instrument.Tags.empty(), null, null, Meter.Type.GAUGE);
        assertEquals(abbreviated, PrometheusNames.hasAbbreviatedUnit(id));
    }
}
