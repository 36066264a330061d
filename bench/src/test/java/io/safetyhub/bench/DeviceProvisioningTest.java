package io.safetyhub.bench;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The ids registered are exactly the ones the load generator and the alarm probe log in as. */
class DeviceProvisioningTest {

    @Test
    void shouldNameTheLoadGeneratorsAndTheProbesDevicesWhenProvisioning() {
        List<String> ids = DeviceProvisioning.ids(3, 2);

        assertEquals(List.of("LOAD-00001", "LOAD-00002", "LOAD-00003", "BENCH-A-0001", "BENCH-A-0002"), ids);
    }

    @Test
    void shouldRegisterNoProbeWhenNoneIsAsked() {
        assertEquals(1_000, DeviceProvisioning.ids(1_000, 0).size());
        assertEquals("LOAD-01000", DeviceProvisioning.ids(1_000, 0).get(999));
    }
}
