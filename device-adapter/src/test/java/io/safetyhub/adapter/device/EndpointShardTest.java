package io.safetyhub.adapter.device;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class EndpointShardTest {
    private static final List<String> PLANTS = IntStream.range(0, 40)
            .mapToObj(i -> "opc.tcp://plant-" + i + ".example.cn:4840/dcs").toList();

    @Test
    void shouldGiveEveryEndpointToExactlyOneReplicaWhenSeveralShareThePlants() {
        int replicas = 3;
        List<EndpointShard> shards = IntStream.range(0, replicas).mapToObj(i -> new EndpointShard(replicas, i)).toList();
        for (String url : PLANTS) {
            assertEquals(1, shards.stream().filter(s -> s.owns(url)).count(), url);
        }
        // The hash spreads the plants: no replica is left without work.
        shards.forEach(s -> assertTrue(PLANTS.stream().anyMatch(s::owns), "shard " + s.index() + " owns nothing"));
    }

    @Test
    void shouldOwnEveryEndpointWhenOneAdapterRuns() {
        EndpointShard single = new EndpointShard(1, 0);
        assertTrue(PLANTS.stream().allMatch(single::owns));
    }

    @Test
    void shouldKeepTheDocumentedCrc32RuleWhenAnOperatorComputesTheOwnerByHand() {
        // k8s/README.md: owner = floorMod(crc32(url), shard-count); CRC32("opc.tcp://127.0.0.1:4840/safetyhub").
        java.util.zip.CRC32 crc = new java.util.zip.CRC32();
        crc.update("opc.tcp://127.0.0.1:4840/safetyhub".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        assertEquals((int) (crc.getValue() % 4), EndpointShard.shardOf("opc.tcp://127.0.0.1:4840/safetyhub", 4));
    }

    @Test
    void shouldRefuseToStartWhenTheShardIndexIsOutsideTheCount() {
        assertThrows(IllegalArgumentException.class, () -> new EndpointShard(2, 2));
        assertThrows(IllegalArgumentException.class, () -> new EndpointShard(0, 0));
    }
}
