package io.safetyhub.bench;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ProcSamplerTest {

    @Test
    void shouldCountCpuTimeWhenThisProcessWorks() {
        Map<String, Long> self = Map.of("self", ProcessHandle.current().pid());
        Map<String, ProcSampler.Sample> before = ProcSampler.sample(self);
        long t0 = System.nanoTime();
        double sink = 0;
        // Busy until /proc shows 0.3 s more CPU (bounded by wall time, for a /proc that never moves).
        while (ProcSampler.sample(self).get("self").cpuSeconds() < before.get("self").cpuSeconds() + 0.3
                && System.nanoTime() - t0 < 60_000_000_000L) {
            for (int i = 0; i < 100_000; i++) {
                sink += Math.sqrt(sink + i);
            }
        }
        Map<String, ProcSampler.Sample> after = ProcSampler.sample(self);
        List<ProcSampler.Usage> usage = ProcSampler.usage(before, after, (System.nanoTime() - t0) / 1e9);
        assertTrue(sink > 0);
        assertTrue(after.get("self").cpuSeconds() >= before.get("self").cpuSeconds() + 0.3, "utime+stime grew");
        assertTrue(usage.get(0).cores() > 0, "some share of a core");
        assertTrue(usage.get(0).rssMb() > 10, "a JVM holds more than 10 MiB");
        assertTrue(usage.get(0).peakRssMb() >= usage.get(0).rssMb());
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
            // HotSpot's thread names, as /proc/PID/task/TID/comm shows them (cut at 15 characters)
            "C2 CompilerThre, JIT",
            "C1 CompilerThre, JIT",
            "VM Thread, GC",          // the serial collector collects on the VM thread
            "GC Thread#0, GC",        // G1's parallel workers (Kafka, Keycloak)
            "G1 Conc#0, GC",
            "G1 Refine#0, GC",
            "vert.x-eventloo, OTHER",
            "kafka-producer-, OTHER",
            "VM Periodic Tas, OTHER"
    })
    void shouldSortAThreadWhenItsNameSaysWhatItDoesForTheJvm(String comm, ProcSampler.JvmThread expected) {
        assertEquals(expected, ProcSampler.JvmThread.of(comm));
    }

    @Test
    void shouldCountTheJitCompilersCpuWhenThisJvmHasCompiled() {
        // This JVM compiled the JUnit engine and the test itself on its way here; it also collected at least once
        // if a collection is forced.
        System.gc();
        ProcSampler.Sample self = ProcSampler.sample(Map.of("self", ProcessHandle.current().pid())).get("self");
        assertTrue(self.jitSeconds() > 0, "JIT compiler threads used CPU: " + self.jitSeconds());
        assertTrue(self.jitSeconds() + self.gcSeconds() < self.cpuSeconds(), "a share of the process's CPU");
    }

    @Test
    void shouldCountAListedChildUnderItsOwnNameOnlyWhenItsParentIsListedToo() throws Exception {
        // A busy child of this JVM, as the load generator is a child of the bench.
        Process child = new ProcessBuilder("sh", "-c", "while :; do :; done").start();
        try {
            long self = ProcessHandle.current().pid();
            Map<String, Long> both = new java.util.LinkedHashMap<>();
            both.put("parent", self);
            both.put("child", child.pid());
            org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(60)).until(() ->
                    ProcSampler.sample(Map.of("child", child.pid())).get("child").cpuSeconds() >= 0.5);
            Map<String, ProcSampler.Sample> apart = ProcSampler.sample(both);
            double parentAlone = ProcSampler.sample(Map.of("parent", self)).get("parent").cpuSeconds();
            double childCpu = apart.get("child").cpuSeconds();
            assertTrue(childCpu >= 0.5, "the child's own CPU: " + childCpu);
            // Alone, the parent's tree holds the child's CPU; listed beside it, it does not.
            assertTrue(parentAlone >= apart.get("parent").cpuSeconds() + childCpu - 0.2,
                    "parent alone " + parentAlone + ", parent beside its child " + apart.get("parent").cpuSeconds());
        } finally {
            child.destroyForcibly().waitFor();
        }
    }

    @Test
    void shouldLeaveOutProcessesWhenTheyAreGone() throws Exception {
        Process p = new ProcessBuilder("true").start();
        p.waitFor();
        assertEquals(Map.of(), ProcSampler.sample(Map.of("gone", p.pid())));
    }
}
