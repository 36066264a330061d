package io.safetyhub.warning.notify;

import com.fasterxml.jackson.databind.JsonNode;
import io.safetyhub.warning.support.Engines;
import io.safetyhub.warning.support.MutableClock;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** SendSms in Aliyun's RPC shape: the signature against Aliyun's published example, the request as received. */
class AliyunSmsChannelTest {
    private static final String G = "warning.notifications.groups.";
    private static final String S = "warning.notifications.sms.";

    private static AliyunSmsChannel channel(Receiver receiver, Map<String, String> extra) {
        Map<String, String> settings = new HashMap<>(Map.of(S + "base-url", receiver.base(), S + "access-key-id",
                "LTAI-test", S + "sign-name", "巴南应急", S + "template-code", "SMS_123456789",
                S + "params.level", "jb", S + "params.enterprise", "qy", G + "dist.audience", "DISTRICT_REGULATOR",
                G + "dist.phones", "13800000001,13900000002"));
        settings.putAll(extra);
        return new AliyunSmsChannel(Engines.config(settings), Views.JSON, Views.TEMPLATES,
                new MutableClock(Instant.parse("2026-06-01T08:00:00.456Z")),
                new Secrets(name -> Optional.ofNullable(Map.of("SAFETYHUB_SMS_ACCESS_KEY_SECRET", "sk").get(name))));
    }

    /**
     * Aliyun's own example in "短信服务 HTTP 协议及签名" (help.aliyun.com document 101343): AccessKeyId testId,
     * secret testSecret, these parameters, GET; the published signature is zJDF+Lrzhj/ThnlvIToysFRq6t4=.
     */
    @Test
    void shouldReproduceAliyunsPublishedSignatureWhenGivenItsExample() {
        SortedMap<String, String> p = new TreeMap<>(Map.ofEntries(Map.entry("AccessKeyId", "testId"),
                Map.entry("Action", "SendSms"), Map.entry("Format", "XML"), Map.entry("OutId", "123"),
                Map.entry("PhoneNumbers", "15300000001"), Map.entry("RegionId", "cn-hangzhou"),
                Map.entry("SignName", "阿里云短信测试专用"), Map.entry("SignatureMethod", "HMAC-SHA1"),
                Map.entry("SignatureNonce", "45e25e9b-0a6f-4070-8c85-2956eda1b466"),
                Map.entry("SignatureVersion", "1.0"), Map.entry("TemplateCode", "SMS_71390007"),
                Map.entry("TemplateParam", "{\"customer\":\"test\"}"), Map.entry("Timestamp", "2017-07-12T02:42:19Z"),
                Map.entry("Version", "2017-05-25")));
        assertEquals("zJDF+Lrzhj/ThnlvIToysFRq6t4=", AliyunSmsChannel.signature("GET", p, "testSecret"));
    }

    @Test
    void shouldEncodeSpaceStarAndTildeTheAliyunWayWhenPercentEncoding() {
        assertEquals("a%20b%2Ac~d%3A%2F", AliyunSmsChannel.percent("a b*c~d:/"));
    }

    @Test
    void shouldPostOneSignedSendSmsForAllPhonesWhenNotifying() throws Exception {
        try (Receiver aliyun = new Receiver("{\"Code\":\"OK\",\"Message\":\"OK\",\"BizId\":\"1\"}")) {
            AliyunSmsChannel channel = channel(aliyun, Map.of());
            channel.send("RAISED", "DISTRICT_REGULATOR", Views.gas(),
                    channel.targets("DISTRICT_REGULATOR", Views.gas()).get(0));

            Receiver.Request got = aliyun.requests.get(0);
            assertEquals("POST", got.method());
            assertEquals("/", got.path());
            assertTrue(got.contentType().startsWith("application/x-www-form-urlencoded"), got.contentType());
            Map<String, String> form = DingTalkChannelTest.query(got.body());
            assertEquals("SendSms", form.get("Action"));
            assertEquals("2017-05-25", form.get("Version"));
            assertEquals("13800000001,13900000002", form.get("PhoneNumbers"));
            assertEquals("巴南应急", form.get("SignName"));
            assertEquals("SMS_123456789", form.get("TemplateCode"));
            assertEquals("LTAI-test", form.get("AccessKeyId"));
            assertEquals("2026-06-01T08:00:00Z", form.get("Timestamp"));
            JsonNode params = Views.JSON.readTree(form.get("TemplateParam"));
            assertEquals("橙色预警（II级）", params.get("jb").asText());
            assertEquals("重庆某化工有限公司", params.get("qy").asText());
            assertEquals("发生", params.get("change").asText());
            // What Aliyun does: sign everything but Signature with the secret and compare.
            SortedMap<String, String> signed = new TreeMap<>(form);
            String signature = signed.remove("Signature");
            assertEquals(AliyunSmsChannel.signature("POST", signed, "sk"), signature);
        }
    }

    @Test
    void shouldFailWhenAliyunAnswersACodeOtherThanOk() throws Exception {
        try (Receiver aliyun = new Receiver("{\"Code\":\"isv.BUSINESS_LIMIT_CONTROL\",\"Message\":\"触发流控\"}")) {
            AliyunSmsChannel channel = channel(aliyun, Map.of());
            Target phones = channel.targets("DISTRICT_REGULATOR", Views.gas()).get(0);
            IllegalStateException e = assertThrows(IllegalStateException.class,
                    () -> channel.send("RAISED", "DISTRICT_REGULATOR", Views.gas(), phones));
            assertTrue(e.getMessage().contains("isv.BUSINESS_LIMIT_CONTROL"), e.getMessage());
        }
    }

    @Test
    void shouldStayOffWhenTheTemplateIsNotConfigured() throws Exception {
        try (Receiver aliyun = new Receiver("{\"Code\":\"OK\"}")) {
            assertTrue(channel(aliyun, Map.of()).enabled());
            assertFalse(new AliyunSmsChannel(Engines.config(Map.of(G + "d.audience", "ENTERPRISE", G + "d.phones",
                    "13800000001")), Views.JSON, Views.TEMPLATES, new MutableClock(Views.T),
                    new Secrets(n -> Optional.empty())).enabled());
        }
    }

    @Test
    void shouldCutAParameterValueAliyunWouldRefuseAsTooLong() {
        String name = "重庆市巴南区某某某某某某某某某某某某某某某某某某某某化工有限责任公司第二分公司";
        AliyunSmsChannel channel = new AliyunSmsChannel(Engines.config(Map.of()), Views.JSON,
                new ZhTemplates(id -> name), new MutableClock(Views.T), new Secrets(n -> Optional.empty()));
        String cut = channel.templateParams("RAISED", Views.gas()).get("enterprise");
        assertEquals(AliyunSmsChannel.MAX_PARAM_LENGTH, cut.length());
        assertEquals(name.substring(0, AliyunSmsChannel.MAX_PARAM_LENGTH - 1) + "…", cut);
    }
}
