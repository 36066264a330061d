package io.safetyhub.warning.history;

import java.util.Arrays;
import java.util.Collection;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The sample keys this instance has seen stored, per history bucket, so that a flush needs no lookup of the
 * buckets' {@code keys} while their device keeps reporting (the lookup returned every key of every bucket in the
 * batch, the largest cost of a flush on the embedded server). Only a hint: a bucket written meanwhile by someone else
 * makes the guarded upsert collide, and the store then forgets that bucket and looks it up. Least recently flushed
 * buckets go first once more than {@code capacity} keys are held; keys are primitive sorted arrays (8 bytes a key).
 */
final class StoredKeys {
    private final long capacity;
    private final LinkedHashMap<String, long[]> byBucket = new LinkedHashMap<>(1024, 0.75f, true);
    private long held;

    StoredKeys(long capacity) {
        this.capacity = capacity;
    }

    boolean knows(String bucketId) {
        return byBucket.containsKey(bucketId);
    }

    /** True when the bucket is known and holds the key. */
    boolean holds(String bucketId, long key) {
        long[] keys = byBucket.get(bucketId);
        return keys != null && Arrays.binarySearch(keys, key) >= 0;
    }

    /** Records that the bucket holds exactly these keys (after a lookup; empty for a bucket not yet written). */
    void replace(String bucketId, Collection<Long> keys) {
        forget(bucketId);
        long[] sorted = keys.stream().mapToLong(Long::longValue).sorted().distinct().toArray();
        byBucket.put(bucketId, sorted);
        held += sorted.length;
        evict();
    }

    /** Records that these keys were added to a known bucket. */
    void add(String bucketId, Collection<Long> keys) {
        long[] old = byBucket.get(bucketId);
        if (old == null) {
            return; // not known: the next flush of it looks it up
        }
        long[] merged = new long[old.length + keys.size()];
        System.arraycopy(old, 0, merged, 0, old.length);
        int i = old.length;
        for (long k : keys) {
            merged[i++] = k;
        }
        Arrays.sort(merged);
        merged = Arrays.stream(merged).distinct().toArray();
        byBucket.put(bucketId, merged);
        held += merged.length - old.length;
        evict();
    }

    void forget(String bucketId) {
        long[] old = byBucket.remove(bucketId);
        if (old != null) {
            held -= old.length;
        }
    }

    void clear() {
        byBucket.clear();
        held = 0;
    }

    long held() {
        return held;
    }

    int buckets() {
        return byBucket.size();
    }

    private void evict() {
        Iterator<Map.Entry<String, long[]>> eldest = byBucket.entrySet().iterator();
        while (held > capacity && eldest.hasNext()) {
            held -= eldest.next().getValue().length;
            eldest.remove();
        }
    }
}
