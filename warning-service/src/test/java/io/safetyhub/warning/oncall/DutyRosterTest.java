package io.safetyhub.warning.oncall;

import io.safetyhub.events.DutyRotaChanged;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Whom an escalation reaches (issue 23 item 2): the rota emergency-service publishes (值班值守, one record per day and
 * district or town), looked up in China's calendar.
 */
class DutyRosterTest {
    static final LocalDate DAY = LocalDate.parse("2026-12-02");
    /** 10:00 in Chongqing on DAY. */
    static final Instant MORNING = Instant.parse("2026-12-02T02:00:00Z");

    static DutyRotaChanged rota(LocalDate date, String district, String town, String officer, String phone) {
        return new DutyRotaChanged(UUID.randomUUID(), MORNING, "emergency-service", DutyRotaChanged.Change.SET, date,
                district, town, new DutyRotaChanged.Person("王建国", "13800000012", "副主任"),
                List.of(new DutyRotaChanged.Person(officer, phone, "值班员")));
    }

    private static DutyRoster roster() {
        DutyRoster roster = new DutyRoster();
        roster.apply(rota(DAY, "巴南区", "南彭街道", "李明", "13800000011"), MORNING);
        roster.apply(rota(DAY, "巴南区", null, "张伟", "023-66220011"), MORNING);
        return roster;
    }

    @ParameterizedTest(name = "{0} at {1} for {2}/{3} -> {4}")
    @CsvSource(nullValues = "-", value = {
            // the town stage reaches the town's own rota of that day
            "TOWN_REGULATOR,     2026-12-02T02:00:00Z, 巴南区, 南彭街道, 李明",
            // the district stage reaches the district's own rota, not a town's
            "DISTRICT_REGULATOR, 2026-12-02T02:00:00Z, 巴南区, 南彭街道, 张伟",
            // 00:30 in Chongqing is still 16:30 UTC of the day before: the rota of the Chinese day applies
            "TOWN_REGULATOR,     2026-12-01T16:30:00Z, 巴南区, 南彭街道, 李明",
            // 23:59 UTC is the next Chinese day, which has no rota
            "TOWN_REGULATOR,     2026-12-02T16:30:00Z, 巴南区, 南彭街道, -",
            // a town without a rota: nobody (the configured groups still are)
            "TOWN_REGULATOR,     2026-12-02T02:00:00Z, 巴南区, 李家沱街道, -",
            // an enterprise whose town the registry does not give
            "TOWN_REGULATOR,     2026-12-02T02:00:00Z, 巴南区, -, -",
            // the enterprise stage is the enterprise's own business
            "ENTERPRISE,         2026-12-02T02:00:00Z, 巴南区, 南彭街道, -",
            // another district's rota is not this one's
            "DISTRICT_REGULATOR, 2026-12-02T02:00:00Z, 渝北区, -, -",
    })
    void shouldReachThatDaysOfficerWhenAnAlarmEscalates(String audience, Instant at, String district, String town,
                                                        String officer) {
        String got = roster().onDuty(audience, district, town, at)
                .map(d -> d.officers().get(0).name()).orElse(null);
        assertEquals(officer, got);
    }

    @Test
    void shouldForgetARotaWhenItIsDeletedOrTombstoned() {
        DutyRoster roster = roster();
        DutyRotaChanged deleted = new DutyRotaChanged(UUID.randomUUID(), MORNING, "emergency-service",
                DutyRotaChanged.Change.DELETED, DAY, "巴南区", "南彭街道", null, List.of());
        roster.apply(deleted, MORNING);
        assertTrue(roster.onDuty("TOWN_REGULATOR", "巴南区", "南彭街道", MORNING).isEmpty());
        roster.forget(DutyRotaChanged.key(DAY, "巴南区", null));
        assertTrue(roster.onDuty("DISTRICT_REGULATOR", "巴南区", null, MORNING).isEmpty());
        roster.forget("not-a-rota-key");
        assertEquals(0, roster.size());
    }

    @Test
    void shouldDropDaysBeforeYesterdayWhenARotaArrives() {
        DutyRoster roster = new DutyRoster();
        roster.apply(rota(DAY.minusDays(5), "巴南区", "南彭街道", "旧", "13800000001"), MORNING);
        roster.apply(rota(DAY.minusDays(1), "巴南区", "南彭街道", "昨天", "13800000002"), MORNING);
        roster.apply(rota(DAY.plusDays(1), "巴南区", "南彭街道", "明天", "13800000003"), MORNING);
        assertEquals(2, roster.size(), "yesterday and tomorrow are kept, five days ago is not");
    }

    @Test
    void shouldCallOnlyMobilesAndMaskThemWhenSummarising() {
        OnDuty duty = new OnDuty(DAY, "巴南区", "南彭街道",
                new DutyRotaChanged.Person("王建国", "138 0000 0012", "副主任"),
                List.of(new DutyRotaChanged.Person("李明", "13800000011", "值班员"),
                        new DutyRotaChanged.Person("值班室", "023-66220011", "值班室")));
        assertEquals(List.of("13800000011", "13800000012"), duty.mobiles(), "a landline gets no SMS and no @-mention");
        assertEquals("南彭街道值班：李明 138****0011、值班室 023****0011；带班：王建国 138****0012", duty.summary());
    }
}
