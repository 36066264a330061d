package io.safetyhub.adapter.messaging;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;

class DiskSpoolTest {

    @TempDir
    Path dir;

    @Test
    void shouldReadBackInWrittenOrderWhenReopened() throws Exception {
        try (DiskSpool spool = new DiskSpool(dir, 200)) {
            for (int i = 0; i < 20; i++) {
                spool.append(record(i));
            }
            spool.sync();
        }
        try (DiskSpool reopened = new DiskSpool(dir, 200)) {
            assertEquals(20, reopened.unread());
            List<String> values = Stream.concat(reopened.read(7).stream(), reopened.read(100).stream())
                    .map(s -> new String(s.record().value(), StandardCharsets.UTF_8)).toList();
            assertEquals(IntStream.range(0, 20).mapToObj(i -> "value-" + i).toList(), values);
            assertEquals(0, reopened.unread());
        }
    }

    @Test
    void shouldDeleteSegmentsWhenEveryRecordIsAcknowledged() throws Exception {
        try (DiskSpool spool = new DiskSpool(dir, 100)) {
            for (int i = 0; i < 10; i++) {
                spool.append(record(i));
            }
            int segments = spool.segmentCount();
            List<DiskSpool.Spooled> read = spool.read(100);
            for (DiskSpool.Spooled spooled : read.subList(0, 9)) {
                spool.acknowledged(spooled.segment());
            }
            assertEquals(1, spool.segmentCount(), "all but the segment of the unacknowledged record are gone");
            spool.acknowledged(read.get(9).segment());
            assertEquals(0, spool.segmentCount());
            assertEquals(true, segments > 1, "the test wrote more than one segment");
            try (Stream<Path> files = Files.list(dir)) {
                assertEquals(0, files.filter(f -> f.toString().endsWith(".seg")).count());
            }
        }
    }

    @Test
    void shouldIgnoreATornRecordWhenTheProcessDiedMidWrite() throws Exception {
        try (DiskSpool spool = new DiskSpool(dir, 1 << 20)) {
            spool.append(record(0));
            spool.append(record(1));
        }
        Path segment;
        try (Stream<Path> files = Files.list(dir)) {
            segment = files.filter(f -> f.toString().endsWith(".seg")).findFirst().orElseThrow();
        }
        Files.write(segment, new byte[]{0, 0, 0, 20, 't', 'e'}, StandardOpenOption.APPEND);
        try (DiskSpool reopened = new DiskSpool(dir, 1 << 20)) {
            assertEquals(2, reopened.unread());
            assertEquals(2, reopened.read(10).size());
        }
    }

    @Test
    void shouldRefuseASecondOpenerWhileTheSpoolIsInUse() throws Exception {
        Path other = Files.createTempDirectory("spool-lock");
        try (DiskSpool first = new DiskSpool(other, 1 << 20)) {
            Process second = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-cp", System.getProperty("java.class.path"), LockProbe.class.getName(), other.toString())
                    .redirectErrorStream(true).start();
            assertEquals(3, second.waitFor(), new String(second.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
        }
    }

    /** Opens the spool given as argument in a separate process: exit 3 when refused because it is in use. */
    static final class LockProbe {
        public static void main(String[] args) {
            try (DiskSpool spool = new DiskSpool(Path.of(args[0]), 1 << 20)) {
                System.exit(0);
            } catch (IllegalStateException inUse) {
                System.exit(3);
            } catch (Exception e) {
                System.exit(1);
            }
        }
    }

    private static OutboundRecord record(int i) {
        return new OutboundRecord("telemetry.readings.v1", "DEV-" + i, ("value-" + i).getBytes(StandardCharsets.UTF_8));
    }
}
