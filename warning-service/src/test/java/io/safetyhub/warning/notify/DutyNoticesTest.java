package io.safetyhub.warning.notify;

import com.fasterxml.jackson.databind.JsonNode;
import io.safetyhub.events.DutyRotaChanged;
import io.safetyhub.warning.oncall.DutyLookup;
import io.safetyhub.warning.oncall.OnDuty;
import io.safetyhub.warning.support.Engines;
import io.safetyhub.warning.support.MutableClock;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Escalation reaches who is on duty (issue 23 item 2): a notice to the town names that day's officers, WeCom and
 * DingTalk @-mention their mobiles, SMS adds them to the phones; the enterprise stage reaches nobody from the rota.
 */
class DutyNoticesTest {
    private static final String G = "warning.notifications.groups.";
    private static final OnDuty NANPENG = new OnDuty(LocalDate.parse("2026-06-01"), "巴南区", "南彭街道",
            new DutyRotaChanged.Person("王建国", "13800000012", "副主任"),
            List.of(new DutyRotaChanged.Person("李明", "13800000011", "值班员")));
    private static final DutyLookup TOWN_ONLY = (audience, enterprise, at) ->
            audience.equals("TOWN_REGULATOR") && enterprise.equals("chem-banan-01") ? Optional.of(NANPENG)
                    : Optional.empty();
    private static final ZhTemplates TEMPLATES = new ZhTemplates(Map.of("chem-banan-01", "重庆某化工有限公司")::get,
            TOWN_ONLY);

    @Test
    void shouldNameTheOfficersOnDutyWhenTheNoticeGoesToTheTown() {
        String text = TEMPLATES.plain("ESCALATED", "TOWN_REGULATOR", Views.gas());
        assertTrue(text.contains("值班人员：南彭街道值班：李明 138****0011；带班：王建国 138****0012"), text);
        assertFalse(TEMPLATES.plain("RAISED", "ENTERPRISE", Views.gas()).contains("值班人员"));
    }

    @Test
    void shouldMentionTheOfficersMobilesInATextMessageWhenWeComNotifiesTheTown() throws Exception {
        try (Receiver wecom = new Receiver("{\"errcode\":0,\"errmsg\":\"ok\"}")) {
            WeComChannel channel = new WeComChannel(Engines.config(Map.of("warning.notifications.wecom.base-url",
                    wecom.base(), G + "town.audience", "TOWN_REGULATOR", G + "town.wecom-robots", "np")), Views.JSON,
                    TEMPLATES, new Secrets(name -> Optional.of("k")));
            channel.send("ESCALATED", "TOWN_REGULATOR", Views.gas(),
                    channel.targets("TOWN_REGULATOR", Views.gas()).get(0));
            JsonNode body = Views.JSON.readTree(wecom.requests.get(0).body());
            assertEquals("text", body.get("msgtype").asText(), "only a text message can @-mention by mobile");
            assertEquals(List.of("13800000011", "13800000012"),
                    Views.JSON.convertValue(body.get("text").get("mentioned_mobile_list"), List.class));
            assertTrue(body.get("text").get("content").asText().contains("李明"));
        }
    }

    @Test
    void shouldAtTheOfficersWhenDingTalkNotifiesTheTown() throws Exception {
        try (Receiver dingtalk = new Receiver("{\"errcode\":0,\"errmsg\":\"ok\"}")) {
            DingTalkChannel channel = new DingTalkChannel(Engines.config(Map.of(
                    "warning.notifications.dingtalk.base-url", dingtalk.base(), G + "town.audience", "TOWN_REGULATOR",
                    G + "town.dingtalk-robots", "np")), Views.JSON, TEMPLATES, new MutableClock(Views.T),
                    new Secrets(name -> Optional.of("s")));
            channel.send("ESCALATED", "TOWN_REGULATOR", Views.gas(),
                    channel.targets("TOWN_REGULATOR", Views.gas()).get(0));
            JsonNode body = Views.JSON.readTree(dingtalk.requests.get(0).body());
            assertEquals(List.of("13800000011", "13800000012"),
                    Views.JSON.convertValue(body.get("at").get("atMobiles"), List.class));
            assertTrue(body.get("markdown").get("text").asText().endsWith("@13800000011 @13800000012"));
        }
    }

    @Test
    void shouldTextTheOfficersWithTheGroupsPhonesWhenSmsNotifiesTheTown() {
        AliyunSmsChannel channel = new AliyunSmsChannel(Engines.config(Map.of(
                "warning.notifications.sms.access-key-id", "LTAI-test", "warning.notifications.sms.sign-name", "巴南应急",
                "warning.notifications.sms.template-code", "SMS_1", G + "town.audience", "TOWN_REGULATOR",
                G + "town.phones", "13900000002,13800000011")), Views.JSON, TEMPLATES,
                new MutableClock(Instant.parse("2026-06-01T08:00:00Z")), new Secrets(name -> Optional.of("sk")));
        assertTrue(channel.enabled(), "configured SMS reaches duty officers even without group phones");
        List<Target> town = channel.targets("TOWN_REGULATOR", Views.gas());
        assertEquals(List.of("13900000002", "13800000011", "13800000012"), town.get(0).address(), "each once");
        assertEquals(List.of("139****0002", "138****0011", "138****0012"), town.get(0).shown());
        assertEquals(List.of(), channel.targets("ENTERPRISE", Views.gas()), "no group, no rota for the enterprise");
    }
}
