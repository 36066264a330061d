package io.safetyhub.warning.messaging;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.safetyhub.devstack.testing.RealInfraResource;
import io.safetyhub.events.DutyRotaChanged;
import io.safetyhub.events.Topics;
import io.safetyhub.warning.oncall.DutyRoster;
import io.safetyhub.warning.oncall.OnDuty;
import io.safetyhub.warning.support.Feed;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** emergency-service's rota on the real {@code emergency.duty.v1} reaches the roster escalations read (issue 23). */
@QuarkusTest
@QuarkusTestResource(RealInfraResource.class)
class DutyRotaConsumerIT {
    @Inject
    DutyRoster roster;

    @Test
    void shouldKnowTodaysTownOfficerWhenTheRotaIsPublishedAndForgetHimWhenTombstoned() {
        Instant now = Instant.now();
        LocalDate today = LocalDate.ofInstant(now, ZoneId.of("Asia/Shanghai"));
        String town = "测试街道-" + UUID.randomUUID().toString().substring(0, 6);
        String key = DutyRotaChanged.key(today, "巴南区", town);
        Feed.send(Topics.EMERGENCY_DUTY, key, new DutyRotaChanged(UUID.randomUUID(), now, "emergency-service",
                DutyRotaChanged.Change.SET, today, "巴南区", town, new DutyRotaChanged.Person("王建国", "13800000012", "副主任"),
                List.of(new DutyRotaChanged.Person("李明", "13800000011", "值班员"))));

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertEquals(Optional.of(List.of("李明")),
                roster.onDuty("TOWN_REGULATOR", "巴南区", town, now).map(OnDuty::officers)
                        .map(o -> o.stream().map(DutyRotaChanged.Person::name).toList())));

        Feed.send(Topics.EMERGENCY_DUTY, key, null);
        await().atMost(Duration.ofSeconds(60)).until(() -> roster.onDuty("TOWN_REGULATOR", "巴南区", town, now).isEmpty());
    }
}
