package io.safetyhub.adapter.device;

import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;

/**
 * Which OPC UA endpoints this replica owns when several adapters share the plants: an endpoint URL hashes to one
 * shard, so every replica decides the same owner without talking to the others (a StatefulSet gives each replica a
 * stable ordinal, which is its shard index). CRC32 rather than {@link String#hashCode()} because the rule is part of
 * the deployment's contract (k8s/README.md) and must not depend on a JVM's implementation.
 */
public record EndpointShard(int count, int index) {

    public EndpointShard {
        if (count < 1) {
            throw new IllegalArgumentException("adapter.opc-ua.shard-count must be at least 1, was " + count);
        }
        if (index < 0 || index >= count) {
            throw new IllegalArgumentException("adapter.opc-ua.shard-index must be 0.." + (count - 1) + ", was " + index);
        }
    }

    /** The shard an endpoint URL belongs to. */
    public static int shardOf(String endpointUrl, int count) {
        CRC32 crc = new CRC32();
        crc.update(endpointUrl.getBytes(StandardCharsets.UTF_8));
        return (int) Math.floorMod(crc.getValue(), (long) count);
    }

    /** True when this replica opens the session to the endpoint. */
    public boolean owns(String endpointUrl) {
        return count == 1 || shardOf(endpointUrl, count) == index;
    }
}
