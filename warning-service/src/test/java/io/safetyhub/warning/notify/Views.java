package io.safetyhub.warning.notify;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.safetyhub.events.AlarmEvent;
import io.safetyhub.events.AlarmLevel;
import io.safetyhub.warning.alarm.AlarmView;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** What the channel tests send: one orange gas alarm of 巴南区 decided at 16:00 China time. */
final class Views {
    static final Instant T = Instant.parse("2026-06-01T08:00:00Z");
    static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule());
    static final ZhTemplates TEMPLATES = new ZhTemplates(Map.of("chem-banan-01", "重庆某化工有限公司")::get);

    private Views() {
    }

    static AlarmView gas() {
        return new AlarmView("GA-W1|default-gas-lel|1", "chem-banan-01", "巴南区", "南彭街道", "GA-W1", "gas-alarm", null,
                "default-gas-lel", "gas_lel", AlarmEvent.Kind.THRESHOLD, AlarmLevel.ORANGE, "II",
                AlarmEvent.Status.ACTIVE, 60, 60, "%LEL", 50, T, T, null, false, "ENTERPRISE", null, List.of());
    }
}
