package io.safetyhub.warning.notify;

import io.safetyhub.events.AlarmLevel;
import io.safetyhub.warning.alarm.AlarmView;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The Chinese text each channel sends, as a person reads it. */
class ZhTemplatesTest {

    @Test
    void shouldWriteTheWholeNoticeInChineseWhenAnAlarmIsRaised() {
        assertEquals("""
                ### 【橙色预警（II级）】重庆某化工有限公司 可燃气体浓度 报警发生
                > 预警级别：橙色预警（II级）
                > 企业：重庆某化工有限公司（巴南区）
                > 设备：GA-W1（gas-alarm）
                > 监测指标：可燃气体浓度 60 %LEL（阈值 50 %LEL）
                > 状态变化：发生
                > 通知对象：企业
                > 时间：2026-06-01 16:00:00（北京时间）
                > 预警编号：GA-W1|default-gas-lel|1
                """, Views.TEMPLATES.markdown("RAISED", "ENTERPRISE", Views.gas()));
    }

    @Test
    void shouldWriteThePlainTextWithTheSameLinesWhenMailing() {
        String text = Views.TEMPLATES.plain("ESCALATED", "TOWN_REGULATOR", Views.gas());
        assertEquals("【橙色预警（II级）】重庆某化工有限公司 可燃气体浓度 报警逐级上报", text.lines().findFirst().orElseThrow());
        assertEquals(List.of("状态变化：逐级上报", "通知对象：镇街监管部门"),
                text.lines().filter(l -> l.startsWith("通知对象") || l.startsWith("状态变化")).toList());
    }

    @Test
    void shouldNameEachChangeInChineseWhenFormatting() {
        assertEquals(List.of("发生", "升级", "逐级上报", "已确认", "已消除", "已关闭"),
                List.of("RAISED", "LEVEL_RAISED", "ESCALATED", "ACKNOWLEDGED", "CLEARED", "CLOSED").stream()
                        .map(ZhTemplates::change).toList());
    }

    @Test
    void shouldNameColourAndRomanLevelWhenFormatting() {
        assertEquals(List.of("红色预警（I级）", "橙色预警（II级）", "黄色预警（III级）", "蓝色预警（IV级）"),
                List.of(AlarmLevel.values()).stream().map(ZhTemplates::level).toList());
    }

    @Test
    void shouldNameEveryAudienceInChineseWhenFormatting() {
        assertEquals(List.of("企业", "镇街监管部门", "区级监管部门"),
                List.of("ENTERPRISE", "TOWN_REGULATOR", "DISTRICT_REGULATOR").stream().map(ZhTemplates::audience)
                        .toList());
    }

    @Test
    void shouldFallBackToTheEnterpriseIdWhenTheDirectoryDoesNotKnowIt() {
        ZhTemplates templates = new ZhTemplates(id -> null);
        assertEquals("【橙色预警（II级）】chem-banan-01 可燃气体浓度 报警已关闭", templates.title("CLOSED", Views.gas()));
    }

    @Test
    void shouldRoundToTwoDecimalsWhenTheValueIsNotWhole() {
        assertEquals(List.of("60", "12.35", "0.34"), List.of(ZhTemplates.number(60.0), ZhTemplates.number(12.345),
                ZhTemplates.number(0.34)));
    }

    @Test
    void shouldGiveTheSmsValuesInChinaTimeWhenFormattingForATemplate() {
        AlarmView a = Views.gas();
        assertEquals(Map.of("level", "橙色预警（II级）", "enterprise", "重庆某化工有限公司", "device", "GA-W1",
                "metric", "可燃气体浓度 60 %LEL（阈值 50 %LEL）", "change", "升级", "time", "2026-06-01 16:00:00"),
                Views.TEMPLATES.smsValues("LEVEL_RAISED", a));
    }
}
