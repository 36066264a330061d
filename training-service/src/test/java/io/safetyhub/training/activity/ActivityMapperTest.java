package io.safetyhub.training.activity;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class ActivityMapperTest {
    private final ActivityMapper mapper = new ActivityMapper();

    @Test
    void shouldDefaultCountsToZeroAndKeepOwnerWhenMappingARequest() {
        ActivityRequest request = new ActivityRequest(ActivityKind.FIVE_INTOS, " 进校园 ", "区应急管理局", "巴南区",
                LocalDate.parse("2026-09-20"), "小学", "学生", null, List.of("绘本"), null);
        Activity activity = mapper.toActivity("a-1", request, "chem-banan-01", "巴南区", "ent.chem", Instant.EPOCH, Instant.EPOCH);

        assertEquals("进校园", activity.title());
        assertEquals(0, activity.participants());
        assertEquals(0L, activity.onlineReach());
        assertEquals("chem-banan-01", mapper.toView(activity).enterpriseId());
        assertEquals("巴南区", mapper.toPublicView(activity).district());
    }
}
