package io.safetyhub.adapter.telemetry;

import io.safetyhub.adapter.device.DeviceKind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

class DeviceTopicTest {

    @Test
    void shouldReadEnterpriseKindDeviceAndChannelWhenTheTopicFollowsTheContract() throws Exception {
        DeviceTopic topic = DeviceTopic.parse("safetyhub/build-yubei-01/tower-crane/TC-0001/telemetry");

        assertEquals("build-yubei-01", topic.enterpriseId());
        assertEquals(DeviceKind.TOWER_CRANE, topic.kind());
        assertEquals("TC-0001", topic.deviceId());
        assertEquals(DeviceTopic.Channel.TELEMETRY, topic.channel());
    }

    @Test
    void shouldReadTheEventChannelWhenADeviceReportsAnEvent() throws Exception {
        assertEquals(DeviceTopic.Channel.EVENT,
                DeviceTopic.parse("safetyhub/chem-banan-01/gas-alarm/GA-0001/event").channel());
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            "safetyhub/chem-banan-01/gas-alarm/GA-0001            | BAD_TOPIC",
            "safetyhub/chem-banan-01/gas-alarm/GA-0001/telemetry/x | BAD_TOPIC",
            "plant/chem-banan-01/gas-alarm/GA-0001/telemetry       | BAD_TOPIC",
            "safetyhub//gas-alarm/GA-0001/telemetry                | BAD_TOPIC",
            "safetyhub/chem-banan-01/gas-alarm//telemetry          | BAD_TOPIC",
            "safetyhub/chem banan/gas-alarm/GA-0001/telemetry      | BAD_TOPIC",
            "safetyhub/chem-banan-01/gas-alarm/GA-0001/alarm       | BAD_TOPIC",
            "safetyhub/chem-banan-01/smoke-alarm/SA-1/telemetry    | UNKNOWN_DEVICE",
    })
    void shouldRejectWhenTheTopicIsOutsideTheContract(String topic, DeadLetterReason reason) {
        RejectedPayload rejected = assertThrows(RejectedPayload.class, () -> DeviceTopic.parse(topic));

        assertEquals(reason, rejected.rejection().reason());
    }

    @Test
    void shouldNameTheDeviceOfARejectedTopicWhenItHasOne() {
        assertEquals("SA-1", DeviceTopic.deviceIdOf("safetyhub/chem-banan-01/smoke-alarm/SA-1/telemetry"));
        assertNull(DeviceTopic.deviceIdOf("safetyhub/chem-banan-01/gas-alarm"));
    }
}
