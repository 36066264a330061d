package io.safetyhub.adapter.messaging;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.stream.Stream;

/**
 * Append-only segment files holding the records Kafka could not take while they did not fit in memory. Records are
 * written at the tail ({@code spool-<n>.seg}, a new segment past {@code segmentBytes}) and read back from the head in
 * the order written; a segment is deleted once every record read from it has been acknowledged by Kafka. A torn record
 * at the end of a segment (the process died mid-write, before the fsync that acknowledges it) is ignored on reading.
 * Not thread-safe: {@link SpoolingSender} calls it under its lock.
 */
final class DiskSpool implements AutoCloseable {
    private static final String SUFFIX = ".seg";

    private final Path dir;
    private final long segmentBytes;
    /** Segments not yet deleted, oldest first; the last one is the one being written. */
    private final Deque<Segment> segments = new ArrayDeque<>();
    private FileChannel tail;
    private final FileChannel lockChannel;
    private long unread;
    private long nextSegment;

    DiskSpool(Path dir, long segmentBytes) {
        this.dir = dir;
        this.segmentBytes = segmentBytes;
        try {
            Files.createDirectories(dir);
            // One process per spool: a second adapter on the same directory would replay and delete our segments.
            lockChannel = FileChannel.open(dir.resolve("spool.lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            if (lockChannel.tryLock() == null) {
                lockChannel.close();
                throw new IllegalStateException("the spool " + dir + " is in use by another process");
            }
            try (Stream<Path> files = Files.list(dir)) {
                for (Path file : files.filter(f -> f.getFileName().toString().endsWith(SUFFIX)).sorted().toList()) {
                    Segment segment = new Segment(file, number(file));
                    segment.count = countRecords(file);
                    unread += segment.count;
                    segments.add(segment);
                    nextSegment = Math.max(nextSegment, segment.number + 1);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the spool directory " + dir, e);
        }
    }

    /** Records written and not yet read back (what is only on disk). */
    long unread() {
        return unread;
    }

    /** Segment files present, including ones read but still awaiting Kafka's acknowledgement. */
    int segmentCount() {
        return segments.size();
    }

    /** Appends one record to the tail segment; durable only after {@link #sync()}. */
    void append(OutboundRecord record) throws IOException {
        if (tail == null || tail.size() >= segmentBytes) {
            roll();
        }
        byte[] topic = record.topic().getBytes(StandardCharsets.UTF_8);
        byte[] key = record.key().getBytes(StandardCharsets.UTF_8);
        ByteBuffer buffer = ByteBuffer.allocate(12 + topic.length + key.length + record.value().length);
        buffer.putInt(topic.length).put(topic).putInt(key.length).put(key).putInt(record.value().length).put(record.value());
        buffer.flip();
        while (buffer.hasRemaining()) {
            tail.write(buffer);
        }
        segments.getLast().count++;
        unread++;
    }

    /** Forces the tail segment to the device: what was appended survives a crash of the process or the machine. */
    void sync() throws IOException {
        if (tail != null) {
            tail.force(false);
        }
    }

    /**
     * Reads up to {@code max} unread records from the head, in order; each comes with the segment it belongs to, to
     * be passed to {@link #acknowledged(Segment)} once Kafka has it.
     */
    List<Spooled> read(int max) throws IOException {
        List<Spooled> out = new ArrayList<>();
        for (Segment segment : segments) {
            if (out.size() >= max) {
                break;
            }
            if (segment.read == segment.count) {
                continue;
            }
            try (InputStream raw = Files.newInputStream(segment.file);
                 DataInputStream in = new DataInputStream(new BufferedInputStream(raw, 1 << 16))) {
                in.skipNBytes(segment.readOffset);
                while (segment.read < segment.count && out.size() < max) {
                    OutboundRecord record = readRecord(in);
                    segment.readOffset += 12 + record.topic().getBytes(StandardCharsets.UTF_8).length
                            + record.key().getBytes(StandardCharsets.UTF_8).length + record.value().length;
                    segment.read++;
                    unread--;
                    out.add(new Spooled(record, segment));
                }
            }
        }
        return out;
    }

    /** Kafka has one record read from {@code segment}; a fully read, fully acknowledged segment is deleted. */
    void acknowledged(Segment segment) throws IOException {
        segment.acked++;
        while (!segments.isEmpty()) {
            Segment head = segments.getFirst();
            if (head.read < head.count || head.acked < head.count) {
                return;
            }
            if (head == segments.getLast() && tail != null) {
                // The tail itself is drained: close it; the next append starts a new segment.
                tail.close();
                tail = null;
            }
            segments.removeFirst();
            Files.deleteIfExists(head.file);
        }
    }

    @Override
    public void close() throws IOException {
        if (tail != null) {
            tail.force(false);
            tail.close();
            tail = null;
        }
        lockChannel.close();
    }

    private void roll() throws IOException {
        if (tail != null) {
            tail.force(false);
            tail.close();
        }
        Path file = dir.resolve(String.format("spool-%012d%s", nextSegment, SUFFIX));
        Segment segment = new Segment(file, nextSegment++);
        tail = FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        segments.add(segment);
    }

    private static OutboundRecord readRecord(DataInputStream in) throws IOException {
        String topic = new String(readBytes(in), StandardCharsets.UTF_8);
        String key = new String(readBytes(in), StandardCharsets.UTF_8);
        return new OutboundRecord(topic, key, readBytes(in));
    }

    private static byte[] readBytes(DataInputStream in) throws IOException {
        int length = in.readInt();
        if (length < 0 || length > 64 << 20) {
            throw new EOFException("implausible length " + length);
        }
        byte[] bytes = new byte[length];
        in.readFully(bytes);
        return bytes;
    }

    private static long countRecords(Path file) throws IOException {
        long count = 0;
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file), 1 << 16))) {
            while (true) {
                try {
                    readRecord(in);
                    count++;
                } catch (EOFException endOrTornTail) {
                    return count;
                }
            }
        }
    }

    private static long number(Path file) {
        String name = file.getFileName().toString();
        return Long.parseLong(name.substring("spool-".length(), name.length() - SUFFIX.length()));
    }

    /** One segment file and how far it has been read and acknowledged. */
    static final class Segment {
        final Path file;
        final long number;
        long count;
        long read;
        long readOffset;
        long acked;

        Segment(Path file, long number) {
            this.file = file;
            this.number = number;
        }
    }

    /** A record read back from the spool and the segment it came from. */
    record Spooled(OutboundRecord record, Segment segment) {
    }
}
