package io.safetyhub.enforcement.roster;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.safetyhub.devstack.testing.RealInfraResource;
import io.safetyhub.enforcement.support.DemoRegistry;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.AbstractMap;
import java.util.List;
import java.util.Map;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** The roster from enterprise.registry.v1: an unreadable record keeps the entry, a tombstone removes it. */
@QuarkusTest
@QuarkusTestResource(value = RealInfraResource.class, restrictToAnnotatedClass = false)
class RosterIT {
    @Inject
    RosterRepository roster;

    @Test
    void shouldKeepTheEntryOnAnUnreadableRecordAndDropItOnATombstone() throws Exception {
        String id = "roster-it-" + System.nanoTime();
        DemoRegistry.send(List.of(Map.entry(id, DemoRegistry.e(id, "测试企业", "巴南区", "界石镇", "RED", "OPERATING",
                "HAZARDOUS_CHEMICALS"))));
        await().atMost(Duration.ofSeconds(30)).until(() -> roster.byId(id).isPresent());

        DemoRegistry.send(0, List.of(Map.entry(id, "{not json".getBytes(StandardCharsets.UTF_8)),
                Map.entry("roster-it-marker-" + id, DemoRegistry.e("roster-it-marker-" + id, "标记", "巴南区", null, "BLUE",
                        "OPERATING", "INDUSTRY_TRADE"))));
        // The marker follows the unreadable record on the same partition; once it is in, the bad record was handled.
        await().atMost(Duration.ofSeconds(30)).until(() -> roster.byId("roster-it-marker-" + id).isPresent());
        assertEquals("RED", roster.byId(id).orElseThrow().riskColour(), "an unreadable record is not a tombstone");

        DemoRegistry.send(List.of(new AbstractMap.SimpleEntry<>(id, null)));
        await().atMost(Duration.ofSeconds(30)).until(() -> roster.byId(id).isEmpty());
    }
}
