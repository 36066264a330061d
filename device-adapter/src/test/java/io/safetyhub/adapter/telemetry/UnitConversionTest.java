package io.safetyhub.adapter.telemetry;

import io.safetyhub.adapter.device.DeviceKind;
import io.safetyhub.events.Reading;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Each row: what a device sends, and the canonical reading of domain.md it must become. */
class UnitConversionTest {
    private static final DeviceTopic CRANE = new DeviceTopic("build-yubei-01", DeviceKind.TOWER_CRANE, "TC-0001",
            DeviceTopic.Channel.TELEMETRY);
    private final TelemetryParser parser = new TelemetryParser("device-adapter");

    @ParameterizedTest(name = "{0} {1} {2} -> {3} {4}")
    @CsvSource(delimiter = '|', value = {
            "gas_lel      | 23.5   | %LEL  | 23.5      | %LEL",
            "gas_ppm      | 12     | ppm   | 12        | ppm",
            "gas_ppm      | 2500   | ppb   | 2.5       | ppm",
            "load         | 3.2    | t     | 3.2       | t",
            "load         | 3200   | kg    | 3.2       | t",
            "load         | 9.80665| kN    | 1         | t",
            "load_ratio   | 91     | %     | 91        | %",
            "moment_ratio | 100    | %     | 100       | %",
            // 38.88 km/h is exactly Beaufort 6's 10.8 m/s: it must not come out a hair below.
            "wind_speed   | 38.88  | km/h  | 10.8      | m/s",
            "wind_speed   | 36     | km/h  | 10        | m/s",
            "wind_speed   | 10     | kn    | 5.14444444444 | m/s",
            "wind_speed   | 13.9   | m/s   | 13.9      | m/s",
            "tilt         | 1.5    | °     | 1.5       | °",
            "tilt         | 1.5    | deg   | 1.5       | °",
            "slew         | 3.14159265358979 | rad | 180 | °",
            "height       | 42     | m     | 42        | m",
            "height       | 4200   | cm    | 42        | m",
            "radius       | 100    | ft    | 30.48     | m",
            "level        | 1250   | mm    | 1.25      | m",
            "temperature  | 25     | °C    | 25        | °C",
            "temperature  | 25     | ℃     | 25        | °C",
            "temperature  | 298.15 | K     | 25        | °C",
            "temperature  | 212    | °F    | 100       | °C",
            "pressure     | 1.6    | MPa   | 1.6       | MPa",
            "pressure     | 1600   | kPa   | 1.6       | MPa",
            "pressure     | 16     | bar   | 1.6       | MPa",
            "pressure     | 250000 | Pa    | 0.25      | MPa",
            "battery      | 87     | %     | 87        | %",
            "flow         | 12     | m³/h  | 12        | m³/h",
            "flow         | 12     | m3/h  | 12        | m³/h",
            "flow         | 1      | L/s   | 3.6       | m³/h",
            "flow         | 100    | L/min | 6         | m³/h",
    })
    void shouldConvertToTheCanonicalUnitWhenTheUnitIsKnown(String metric, double value, String unit,
                                                          double expected, String canonical) {
        ParsedMessage parsed = parse(metric, value, unit);

        assertTrue(parsed.rejections().isEmpty(), () -> "rejected: " + parsed.rejections());
        Reading reading = parsed.readings().get(0);
        assertEquals(metric, reading.metric());
        assertEquals(expected, reading.value(), "exactly, not within a tolerance: rules compare at or above");
        assertEquals(canonical, reading.unit());
    }

    @ParameterizedTest(name = "{0} in {1}")
    @CsvSource(delimiter = '|', value = {
            "gas_lel     | %vol",
            "gas_lel     | %lel",
            "pressure    | mPa",
            "pressure    | psi",
            "height      | furlong",
            "load_ratio  | ratio",
            "temperature | C",
            "humidity    | %",
    })
    void shouldDeadLetterAsUnknownUnitWhenTheUnitDoesNotConvert(String metric, String unit) {
        ParsedMessage parsed = parse(metric, 1, unit);

        assertTrue(parsed.readings().isEmpty());
        assertEquals(DeadLetterReason.UNKNOWN_UNIT, parsed.rejections().get(0).reason());
        assertTrue(parsed.rejections().get(0).detail().contains(metric), parsed.rejections().get(0).detail());
    }

    private ParsedMessage parse(String metric, double value, String unit) {
        String json = "{\"ts\":\"2026-11-22T08:00:00.250Z\",\"readings\":[{\"metric\":\"" + metric + "\",\"value\":"
                + value + ",\"unit\":\"" + unit + "\"}]}";
        return parser.parse(CRANE, json.getBytes(StandardCharsets.UTF_8), Instant.parse("2026-11-22T08:00:01Z"));
    }
}
