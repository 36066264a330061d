package io.safetyhub.gateway.alarmstream;

import io.safetyhub.events.AlarmEvent;
import io.safetyhub.platform.Caller;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Who sees which event on the stream (the platform's tenant rule), and how long a stream may live. */
class StreamScopeTest {
    private static final Instant NOW = Instant.parse("2026-11-23T06:00:00Z");

    @ParameterizedTest(name = "{0} ent={1} district={2} town={3} sees {4}/{5}: {6}")
    @CsvSource({
            // roles,    enterprise_id, district, town,  event enterprise, event district, admitted
            "operator,   ,              ,         ,      chem-banan-01,    巴南区,          true",
            "regulator,  ,              ,         ,      build-yubei-01,   渝北区,          true",
            "regulator,  ,              巴南区,    ,      chem-banan-01,    巴南区,          true",
            "regulator,  ,              巴南区,    ,      build-yubei-01,   渝北区,          false",
            "regulator,  ,              巴南区,    李家沱, chem-banan-01,    巴南区,          false",
            "enterprise, chem-banan-01, ,         ,      chem-banan-01,    巴南区,          true",
            "enterprise, chem-banan-01, ,         ,      chem-banan-02,    巴南区,          false",
            "enterprise, ,              ,         ,      chem-banan-01,    巴南区,          false",
    })
    void shouldAdmitEventWhenCallerSeesItsEnterprise(String role, String enterpriseId, String district, String town,
                                                    String eventEnterprise, String eventDistrict, boolean admitted) {
        Map<String, Object> claims = new HashMap<>();
        claims.put("enterprise_id", enterpriseId);
        claims.put("district", district);
        claims.put("town", town);
        Caller caller = Caller.of("u", Set.of(role)::contains, claims::get);
        StreamClient client = new StreamClient(null, null, caller, () -> { });
        assertEquals(admitted, client.admits(event(eventEnterprise, eventDistrict)));
    }

    @Test
    void shouldLiveUntilTokenExpiresWhenStreamOpens() {
        assertEquals(Optional.of(Duration.ofSeconds(290)),
                AlarmStreamHandler.lifetime(Optional.of(NOW.plusSeconds(290)), NOW));
    }

    @Test
    void shouldEndAtOnceWhenTokenExpiresThisMoment() {
        assertEquals(Optional.of(Duration.ofMillis(1)), AlarmStreamHandler.lifetime(Optional.of(NOW), NOW));
    }

    @Test
    void shouldLiveUnboundedWhenTokenHasNoExpiry() {
        assertEquals(Optional.empty(), AlarmStreamHandler.lifetime(Optional.empty(), NOW));
    }

    private static AlarmEvent event(String enterpriseId, String district) {
        return new AlarmEvent(null, NOW, "test", "a1", AlarmEvent.Change.RAISED, null, null, null, enterpriseId,
                district, null, null, null, null, null, null, null, null, null);
    }
}
