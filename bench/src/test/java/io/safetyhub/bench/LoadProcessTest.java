package io.safetyhub.bench;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

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

    @Test
    void shouldGiveEachWindowItsOwnResultWhenOneGeneratorSendsSeveral(@org.junit.jupiter.api.io.TempDir
                                                                      java.nio.file.Path dir) throws Exception {
        // A stand-in for the simulator's --windows stdin: the same lines, a count that grows with each window.
        String script = "echo 'load: 3 connection(s) to tcp://x (none), 30 messages in flight at most'; n=0; "
                + "while read rate seconds; do n=$((n+1)); echo \"load: window of $rate msg/s per device for $seconds s"
                + " starts\"; echo \"load: sent $n, acknowledged $n, refused 0 in 100 ms (10 msg/s acknowledged)\"; done";
        try (LoadProcess fleet = LoadProcess.watching(new ProcessBuilder("sh", "-c", script).start(),
                dir.resolve("load.log"))) {
            assertTrue(fleet.awaitSending(java.time.Duration.ofSeconds(10)), "devices logged in");

            LoadRun first = fleet.window(2.0, 1);
            assertTrue(first.awaitSending(java.time.Duration.ofSeconds(10)));
            LoadProcess.Result one = first.await();
            LoadRun second = fleet.window(5.0, 1);
            assertTrue(second.awaitSending(java.time.Duration.ofSeconds(10)));
            LoadProcess.Result two = second.await();

            assertEquals(1, one.sent());
            assertEquals(2, two.sent(), "the second window's own line, not the first one's");
            assertEquals(2, two.acked());
            assertEquals(0, two.exitCode());
        }
        assertTrue(java.nio.file.Files.readString(dir.resolve("load.log")).contains("window of 5.0 msg/s"),
                "what the generator printed is kept in its log");
    }
}
