package io.safetyhub.adapter.mqtt;

import io.safetyhub.adapter.device.Device;
import io.safetyhub.adapter.device.DeviceKind;
import io.safetyhub.adapter.testing.Registration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Which topics GA-0001 of chem-banan-01 may publish and subscribe to. */
class TopicPolicyTest {
    private static final Device GA_0001 = Registration.mqtt("GA-0001", "chem-banan-01", DeviceKind.GAS_ALARM);

    @ParameterizedTest(name = "publish {0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            "safetyhub/chem-banan-01/gas-alarm/GA-0001/telemetry  | true",
            "safetyhub/chem-banan-01/gas-alarm/GA-0001/event      | true",
            "safetyhub/chem-banan-01/gas-alarm/GA-0001/status     | true",
            "safetyhub/chem-banan-01/gas-alarm/GA-0002/telemetry  | false",
            "safetyhub/build-yubei-01/gas-alarm/GA-0001/telemetry | false",
            "safetyhub/chem-banan-01/tower-crane/GA-0001/telemetry| false",
            "safetyhub/chem-banan-01/gas-alarm/GA-0001/commands   | false",
            "safetyhub/chem-banan-01/gas-alarm/GA-0001/telemetry/x| false",
            "safetyhub/chem-banan-01/gas-alarm/GA-0001            | false",
            "safetyhub/chem-banan-01/gas-alarm/GA-00011/telemetry | false",
            "other/chem-banan-01/gas-alarm/GA-0001/telemetry      | false",
    })
    void shouldAllowOnlyItsOwnChannelsWhenADevicePublishes(String topic, boolean allowed) {
        assertEquals(allowed, TopicPolicy.mayPublish(GA_0001, topic));
    }

    @ParameterizedTest(name = "subscribe {0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            "safetyhub/chem-banan-01/gas-alarm/GA-0001/#          | true",
            "safetyhub/chem-banan-01/gas-alarm/GA-0001/commands   | true",
            "safetyhub/chem-banan-01/gas-alarm/GA-0001            | true",
            "safetyhub/#                                          | false",
            "#                                                    | false",
            "safetyhub/+/+/+/telemetry                            | false",
            "safetyhub/chem-banan-01/gas-alarm/+/telemetry        | false",
            "safetyhub/chem-banan-01/gas-alarm/GA-0002/#          | false",
            "$share/g/safetyhub/chem-banan-01/gas-alarm/GA-0001/# | false",
            "safetyhub/chem-banan-01/gas-alarm/GA-00011           | false",
    })
    void shouldAllowOnlyItsOwnSubtreeWhenADeviceSubscribes(String filter, boolean allowed) {
        assertEquals(allowed, TopicPolicy.maySubscribe(GA_0001, filter));
    }

    @ParameterizedTest(name = "will {0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            "safetyhub/chem-banan-01/gas-alarm/GA-0001/status    | true",
            "safetyhub/chem-banan-01/gas-alarm/GA-0001/telemetry | false",
            "safetyhub/chem-banan-01/gas-alarm/GA-0002/status    | false",
    })
    void shouldAllowOnlyItsOwnStatusWhenADeviceSetsALastWill(String topic, boolean allowed) {
        assertEquals(allowed, TopicPolicy.mayWill(GA_0001, topic));
    }
}
