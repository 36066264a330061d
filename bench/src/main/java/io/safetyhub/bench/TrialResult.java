package io.safetyhub.bench;

import java.util.List;

/**
 * One load window and its drain, counted at every stage. {@code accepted} is what the broker PUBACKed (generator plus
 * alarm probe); {@code onKafka}, {@code committed} (warning-service's committed offsets) and {@code stored} (history
 * samples) must equal it for "no loss, no duplicate".
 */
public record TrialResult(
        String label,
        int offeredPerSecond,
        int devices,
        int seconds,
        long generatorSent,
        long generatorAcked,
        long generatorRefused,
        long probeAcked,
        long probeRefused,
        long accepted,
        long onKafka,
        long committed,
        long warningCounted,
        long stored,
        double drainSeconds,
        double acceptedPerSecond,
        double storedPerSecond,
        long alarmsExpected,
        long alarmsRaised,
        long alarmsUnexpected,
        long alarmDuplicates,
        List<String> alarmsMissingSample,
        Percentiles alarmLatencyMs,
        String alarmSource,
        List<ProcSampler.Usage> processes,
        List<String> events,
        String verdict,
        boolean countsMatch,
        String saturation,
        LoadProcess.Generator generator,
        HopTable.Result hops) {

    public boolean saturated() {
        return saturation != null && !saturation.isEmpty();
    }
}
