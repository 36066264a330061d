package io.safetyhub.bench;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

class LoadProcessTest {

    @Test
    void shouldReadTheGeneratorsOwnFiguresWhenItsLastLineHasThem() {
        // As LoadScenario logs it.
        String line = "[main] INFO io.safetyhub.simulator.scenario.LoadScenario - load: sent 300120, acknowledged "
                + "300100, refused 0 in 30412 ms (9868 msg/s acknowledged); in doubt 20; window 2000; lateness us "
                + "p50/p99/p99.9/max 212/1890/5120/40960; puback us p50/p99/p99.9/max 1400/9800/22000/61000; "
                + "cpu 18.4 us/msg; resent 35";

        LoadProcess.Result r = LoadProcess.parse(List.of("starting", line), 0);

        assertEquals(300120, r.sent());
        assertEquals(300100, r.acked());
        assertEquals(30412, r.elapsedMs());
        assertEquals(20, r.generator().inDoubt());
        assertEquals(2000, r.generator().window());
        assertArrayEquals(new long[] {212, 1890, 5120, 40960}, r.generator().latenessUs());
        assertArrayEquals(new long[] {1400, 9800, 22000, 61000}, r.generator().pubackUs());
        assertEquals(18.4, r.generator().cpuMicrosPerMessage());
        assertEquals(35, r.generator().resent());
    }

    @Test
    void shouldReportNoResultWhenTheGeneratorDied() {
        LoadProcess.Result r = LoadProcess.parse(List.of("Exception in thread main"), 1);

        assertEquals(-1, r.acked());
        assertEquals(-1, r.generator().inDoubt());
    }

    @Test
    void shouldPassTheDevicesLoginsWhenTheEndpointWantsThem() {
        DeviceAccess access = new DeviceAccess("ssl://127.0.0.1:8883", null, null, "pw", "/etc/ssl/ca.pem");

        assertEquals(List.of("--mqtt", "ssl://127.0.0.1:8883", "--state-dir", "none", "--password", "pw", "--tls-ca",
                "/etc/ssl/ca.pem"), access.simulatorArgs());
        assertEquals("ssl://127.0.0.1:8883 (device id + one password, CA /etc/ssl/ca.pem)", access.describe());
    }
}
