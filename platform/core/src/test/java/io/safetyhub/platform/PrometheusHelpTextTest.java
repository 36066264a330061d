package io.safetyhub.platform;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.Tags;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** What promtool's lint asks of /q/metrics (`promtool check metrics`): HELP text it parses, snake_case label names. */
class PrometheusHelpTextTest {

    @ParameterizedTest
    @CsvSource({
            "clientName, client_name",   // Vert.x mail client (quarkus-mailer)
            "client_id,  client_id",
            "outcome,    outcome"})
    void shouldWriteLabelNamesInSnakeCaseWhenTheyComeInCamelCase(String key, String expected) {
        assertEquals(expected, PrometheusHelpText.snakeCase(key));
    }

    @Test
    void shouldRenameTagKeysAndKeepValuesWhenAMeterIsMapped() {
        Meter.Id id = new Meter.Id("mail.active.connections", Tags.of("clientName", "<default>"), null,
                "Number of \"active\" connections", Meter.Type.GAUGE);
        Meter.Id mapped = new PrometheusHelpText().map(id);
        assertEquals("<default>", mapped.getTag("client_name"));
        assertEquals(null, mapped.getTag("clientName"));
        assertEquals("Number of 'active' connections", mapped.getDescription());
    }
}
