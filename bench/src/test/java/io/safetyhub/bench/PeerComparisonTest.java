package io.safetyhub.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PeerComparisonTest {

    @Test
    void shouldTakeSafetyHubsFiguresWhenTheStepResultsHaveThem() throws Exception {
        String json = """
                {"windows":[{"offeredPerSecond":5000,"accepted":150000,"stored":149990,"acceptedPerSecond":5001.2,
                  "alarmLatencyMs":{"count":300,"p50":571,"p90":900,"p99":3300,"max":4000},
                  "generator":{"pubackUs":[900,4000,9000,12000]},
                  "processes":[{"name":"warning-service","cpuSeconds":9.0},{"name":"kafka","cpuSeconds":6.0},
                               {"name":"load generator","cpuSeconds":5.0},{"name":"bench (probe + listener)","cpuSeconds":1.0}]}]}
                """;

        PeerComparison.Figures f = PeerComparison.safetyHub(new ObjectMapper().readTree(json)).get(0);

        assertEquals(5000, f.offeredPerSecond());
        assertEquals(10, f.loss());
        assertEquals(3300, f.alarmP99Ms());
        assertEquals(4000, f.pubackP99Us());
        assertEquals(100.0, f.systemMicrosPerReading(), 1e-9, "15 s of the system's CPU over 150,000 readings");
    }

    @Test
    void shouldMarkFiguresMissingWhenAnOlderResultsFileLacksThem() throws Exception {
        PeerComparison.Figures f = PeerComparison.safetyHub(new ObjectMapper().readTree(
                "{\"windows\":[{\"offeredPerSecond\":1000,\"accepted\":100,\"stored\":100,"
                        + "\"processes\":[{\"name\":\"kafka\",\"cores\":0.1}],\"alarmLatencyMs\":{\"count\":0}}]}")).get(0);

        assertEquals(-1, f.systemMicrosPerReading());
        assertEquals(-1, f.alarmP99Ms());
        assertEquals("n/a", PeerComparison.ratio(f.systemMicrosPerReading(), 50));
    }

    @Test
    void shouldDivideSafetyHubByEachTargetWhenRatesMatch() {
        PeerComparison.Figures sh = new PeerComparison.Figures("SafetyHub", 2000, 2000, 60000, 0, 127, 5200, 3000, 105);
        PeerComparison.Figures peer = new PeerComparison.Figures("peer", 2000, 2000, 60000, 0, 9, 98, 1500, 150);
        PeerComparison.Figures floor = new PeerComparison.Figures("floor", 2000, 2000, 60000, 0, -1, -1, 500, 21);

        String table = PeerComparison.table(List.of(sh), List.of(peer, floor));

        assertTrue(table.contains("| 2000 | peer | 1.00 | 14.11 | 53.06 | 2.00 | 0.70 |"), table);
        assertTrue(table.contains("| 2000 | floor | 1.00 | n/a | n/a | 6.00 | 5.00 |"), table);
    }
}
