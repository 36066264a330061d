package io.safetyhub.training.activity;

import io.safetyhub.training.enterprise.RegisteredEnterprise;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class ActivityMapperTest {
    private static final RegisteredEnterprise CHEM = new RegisteredEnterprise("chem-banan-01", "重庆南彭化工储运有限公司", null,
            "巴南区", null, List.of(), null, null, null, null, null, null);
    private final ActivityMapper mapper = new ActivityMapper();

    @Test
    void shouldDefaultCountsToZeroAndKeepOwnerWhenMappingARequest() {
        ActivityRequest request = new ActivityRequest(ActivityKind.FIVE_INTOS, " 进校园 ", null, "巴南区",
                LocalDate.parse("2026-09-20"), "小学", "学生", null, List.of("绘本"), null);
        Activity activity = mapper.toActivity("a-1", request, CHEM.name(), "chem-banan-01", "巴南区", "ent.chem",
                Instant.EPOCH, Instant.EPOCH);

        assertEquals("进校园", activity.title());
        assertEquals(0, activity.participants());
        assertEquals(0L, activity.onlineReach());
        assertEquals("chem-banan-01", mapper.toView(activity, CHEM).enterpriseId());
        assertEquals("巴南区", mapper.toPublicView(activity, CHEM).district());
    }

    @Test
    void shouldShowTheRegisteredNameWhenAnEnterprisesActivityWasStoredUnderAnotherOrganiser() {
        Activity stored = new Activity("a-1", ActivityKind.KNOWLEDGE_CONTEST, "竞赛", "巴南区应急管理局", "chem-banan-01", "巴南区",
                LocalDate.parse("2026-12-01"), "会议室", "员工", 10, List.of(), 0, "ent.chem", Instant.EPOCH, Instant.EPOCH);

        assertEquals("重庆南彭化工储运有限公司", mapper.toPublicView(stored, CHEM).organiser());
        assertEquals("重庆南彭化工储运有限公司", mapper.toView(stored, CHEM).organiser());
    }

    @Test
    void shouldShowTheStoredOrganiserWhenARegulatorOrganisedIt() {
        Activity stored = new Activity("a-2", ActivityKind.FIVE_INTOS, "进社区", "巴南区应急管理局", null, "巴南区",
                LocalDate.parse("2026-12-01"), "社区", "居民", 10, List.of(), 0, "reg.banan", Instant.EPOCH, Instant.EPOCH);

        assertEquals("巴南区应急管理局", mapper.toPublicView(stored, null).organiser());
    }
}
