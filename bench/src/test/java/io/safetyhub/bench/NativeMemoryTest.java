package io.safetyhub.bench;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class NativeMemoryTest {
    /** The head of what Java 17's {@code jcmd <pid> VM.native_memory summary} printed for warning-service. */
    private static final String SUMMARY = """
            26907:

            Native Memory Tracking:

            (Omitting categories weighting less than 1KB)

            Total: reserved=601727KB, committed=287393KB
                   malloc: 45880KB #402116
                   mmap:   reserved=555847KB, committed=241513KB

            -                 Java Heap (reserved=163840KB, committed=96092KB)
                                        (mmap: reserved=163840KB, committed=96092KB)

            -                     Class (reserved=133085KB, committed=12102KB)
                                        (classes #16066)
            -                      Code (reserved=67660KB, committed=32329KB)
            -                        GC (reserved=563KB, committed=271KB)
            -    Native Memory Tracking (reserved=7453KB, committed=7453KB)
            -                 Metaspace (reserved=131387KB, committed=70196KB)
            """;

    @Test
    void shouldReadCommittedKilobytesPerCategoryWhenGivenJava17sSummary() {
        Map<String, Long> committed = NativeMemory.parse(SUMMARY).orElseThrow();
        assertEquals(287393L, committed.get("Total"));
        assertEquals(96092L, committed.get("Java Heap"));
        assertEquals(70196L, committed.get("Metaspace"));
        assertEquals(271L, committed.get("GC"));
        assertEquals(7, committed.size());
    }

    @Test
    void shouldFindNoSummaryWhenTrackingIsOff() {
        assertEquals(Optional.empty(), NativeMemory.parse("4242:\nNative memory tracking is not enabled\n"));
    }

    @Test
    void shouldLeaveOutTheTrackingItselfAndCategoriesUnderOneMebibyteWhenWritingTheLine() {
        String line = NativeMemory.line("warning-service", NativeMemory.parse(SUMMARY).orElseThrow());
        assertEquals("warning-service native memory at the end of the load (NMT, committed MiB, its own 7 left out):"
                + " total 273, Java Heap 94, Metaspace 69, Code 32, Class 12", line);
    }

    @Test
    void shouldSummariseOnlyTheJvmsThatTrackNativeMemoryWhenGivenSeveral(@TempDir Path dir) throws Exception {
        Path source = dir.resolve("Idle.java");
        // The child stays up until the test closes its standard input (or destroys it), then exits.
        Files.writeString(source, "class Idle { public static void main(String[] a) throws Exception {"
                + " System.out.println(\"up\"); System.in.read(); } }");
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process tracked = new ProcessBuilder(java.toString(), "-XX:NativeMemoryTracking=summary", source.toString())
                .redirectErrorStream(true).start();
        try {
            // Up once it has printed: the attach listener answers from then on.
            assertEquals("up", new String(tracked.getInputStream().readNBytes(2)));
            List<String> lines = NativeMemory.snapshot(Map.of("tracked", tracked.pid(),
                    "this test", ProcessHandle.current().pid())).get(60, TimeUnit.SECONDS);
            assertEquals(1, lines.size(), lines.toString());
            assertTrue(lines.get(0).startsWith("tracked native memory at the end of the load"), lines.get(0));
            assertTrue(lines.get(0).contains("Java Heap "), lines.get(0));
        } finally {
            tracked.getOutputStream().close();
            if (!tracked.waitFor(30, TimeUnit.SECONDS)) {
                tracked.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
            }
        }
    }
}
