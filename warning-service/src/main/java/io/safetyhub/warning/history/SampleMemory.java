package io.safetyhub.warning.history;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.PooledByteBufAllocator;

/**
 * Where open buckets keep their samples: off the Java heap, in memory of Netty's pooled allocator (jemalloc-style size
 * classes over 4 MiB chunks, kept and handed out again) in an instance of this service's own, apart from the one
 * Vert.x uses for the network. A region of capacity {@code c} holds {@code c} source times (8 bytes each), then
 * {@code c} values (8 bytes), then {@code c} qualities (1 byte): {@value #BYTES_PER_SAMPLE} bytes a sample.
 * <p>
 * Why off the heap: a bucket lives its minute plus the grace and its place in the spread, ~70-100 s. On the heap its
 * arrays were copied by every young collection, promoted, and died in the old generation; pooling them on the heap
 * (the design before this one) still left ~46 MB of live columns in a 160 MB heap at 10,000 readings/s, and with them
 * a full collection of 140-450 ms every ~2.5-3 minutes, the largest share of the alarms' missed p99
 * (bench/results/README.md, "Where the 10,000/s windows lose their p99"). Here no collector sees a sample.
 * <p>
 * Every region taken must be given back ({@link #give}): nothing frees it otherwise. {@link #inUseBytes()} counts
 * what buckets hold, {@link #reservedBytes()} what the allocator keeps from the operating system. Thread-safe.
 */
final class SampleMemory {
    static final int MIN_CAPACITY = 8;
    static final int BYTES_PER_SAMPLE = 17;

    /**
     * One arena (allocations and frees are already serialised by the sealer's lock), 8 KiB pages in 4 MiB chunks
     * (Netty's defaults), and no thread caches: a region is taken on the consumer's thread and given back on the
     * sealer's, so a cache on either would only hold memory.
     */
    private final PooledByteBufAllocator allocator = new PooledByteBufAllocator(true, 0, 1, 8192, 9, 0, 0, false);
    private long inUseBytes;

    /** A region for at least {@code minCapacity} samples, a power of two from {@value #MIN_CAPACITY}. */
    synchronized Region take(int minCapacity) {
        int capacity = Math.max(MIN_CAPACITY, Integer.highestOneBit(Math.max(1, minCapacity - 1)) << 1);
        int bytes = capacity * BYTES_PER_SAMPLE;
        inUseBytes += bytes;
        return new Region(allocator.directBuffer(bytes, bytes), capacity);
    }

    /** The region is no bucket's any more; it must not be read afterwards. */
    synchronized void give(Region region) {
        inUseBytes -= (long) region.capacity * BYTES_PER_SAMPLE;
        region.memory.release();
    }

    /** Bytes held by buckets' regions. */
    synchronized long inUseBytes() {
        return inUseBytes;
    }

    /** Bytes the allocator holds (its chunks), in use or kept for reuse. */
    long reservedBytes() {
        return allocator.metric().usedDirectMemory();
    }

    /** Room for {@code capacity} samples: times, then values, then qualities, little-endian (x86 and ARM order). */
    static final class Region {
        private final ByteBuf memory;
        final int capacity;

        private Region(ByteBuf memory, int capacity) {
            this.memory = memory;
            this.capacity = capacity;
        }

        long time(int i) {
            return memory.getLongLE(i << 3);
        }

        double value(int i) {
            return memory.getDoubleLE((capacity + i) << 3);
        }

        byte quality(int i) {
            return memory.getByte((capacity << 4) + i);
        }

        void set(int i, long time, double value, byte quality) {
            memory.setLongLE(i << 3, time);
            memory.setDoubleLE((capacity + i) << 3, value);
            memory.setByte((capacity << 4) + i, quality);
        }

        /** Copies samples {@code [0, n)} of {@code from} to the same places here. */
        void copyFrom(Region from, int n) {
            memory.setBytes(0, from.memory, 0, n << 3);
            memory.setBytes(capacity << 3, from.memory, from.capacity << 3, n << 3);
            memory.setBytes(capacity << 4, from.memory, from.capacity << 4, n);
        }
    }
}
