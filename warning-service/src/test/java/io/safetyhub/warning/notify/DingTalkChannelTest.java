package io.safetyhub.warning.notify;

import com.fasterxml.jackson.databind.JsonNode;
import io.safetyhub.warning.support.Engines;
import io.safetyhub.warning.support.MutableClock;
import org.junit.jupiter.api.Test;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The DingTalk robot's signed request, checked the way DingTalk checks it. */
class DingTalkChannelTest {
    private static final String G = "warning.notifications.groups.";
    private static final Instant NOW = Instant.ofEpochMilli(1_780_000_000_123L);

    private static DingTalkChannel channel(Receiver receiver) {
        return new DingTalkChannel(Engines.config(Map.of("warning.notifications.dingtalk.base-url", receiver.base(),
                G + "town.audience", "TOWN_REGULATOR", G + "town.dingtalk-robots", "duty")), Views.JSON,
                Views.TEMPLATES, new MutableClock(NOW), new Secrets(name -> Optional.ofNullable(Map.of(
                "SAFETYHUB_DINGTALK_TOKEN_DUTY", "tok", "SAFETYHUB_DINGTALK_SECRET_DUTY", "SEC+/=secret").get(name))));
    }

    @Test
    void shouldSignTimestampAndSecretWithHmacSha256WhenNotifying() throws Exception {
        try (Receiver dingtalk = new Receiver("{\"errcode\":0,\"errmsg\":\"ok\"}")) {
            DingTalkChannel channel = channel(dingtalk);
            channel.send("ESCALATED", "TOWN_REGULATOR", Views.gas(),
                    channel.targets("TOWN_REGULATOR", Views.gas()).get(0));

            Receiver.Request got = dingtalk.requests.get(0);
            assertEquals("/robot/send", got.path());
            Map<String, String> query = query(got.rawQuery());
            assertEquals("tok", query.get("access_token"));
            assertEquals("1780000000123", query.get("timestamp"));
            // What DingTalk does: HmacSHA256 with the secret over "timestamp\nsecret", Base64, compared decoded.
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec("SEC+/=secret".getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            String expected = Base64.getEncoder().encodeToString(
                    mac.doFinal("1780000000123\nSEC+/=secret".getBytes(StandardCharsets.UTF_8)));
            assertEquals(expected, query.get("sign"));
            JsonNode body = Views.JSON.readTree(got.body());
            assertEquals("markdown", body.get("msgtype").asText());
            assertEquals(Views.TEMPLATES.title("ESCALATED", Views.gas()), body.get("markdown").get("title").asText());
            assertTrue(body.get("markdown").get("text").asText().contains("通知对象：镇街监管部门"));
        }
    }

    @Test
    void shouldUrlEncodeTheBase64SignatureWhenItHoldsPlusSlashOrEquals() {
        String sign = DingTalkChannel.sign("SEC+/=secret", 1_780_000_000_123L);
        assertTrue(!sign.contains("+") && !sign.contains("/") && !sign.contains("="), sign);
        assertTrue(sign.endsWith("%3D"), sign);
    }

    @Test
    void shouldFailWhenDingTalkAnswersANonZeroErrcode() throws Exception {
        try (Receiver dingtalk = new Receiver("{\"errcode\":310000,\"errmsg\":\"sign not match\"}")) {
            DingTalkChannel channel = channel(dingtalk);
            Target robot = channel.targets("TOWN_REGULATOR", Views.gas()).get(0);
            IllegalStateException e = assertThrows(IllegalStateException.class,
                    () -> channel.send("RAISED", "TOWN_REGULATOR", Views.gas(), robot));
            assertTrue(e.getMessage().contains("310000"), e.getMessage());
        }
    }

    static Map<String, String> query(String raw) {
        Map<String, String> out = new java.util.HashMap<>();
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            out.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                    URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return out;
    }
}
