package io.safetyhub.warning.notify;

import com.fasterxml.jackson.databind.JsonNode;
import io.safetyhub.warning.support.Engines;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The WeCom group robot's request, exactly as a local stand-in of qyapi.weixin.qq.com receives it. */
class WeComChannelTest {
    private static final String G = "warning.notifications.groups.";

    static WeComChannel channel(Receiver receiver, Map<String, String> env) {
        Map<String, String> settings = new HashMap<>(Map.of("warning.notifications.wecom.base-url", receiver.base(),
                G + "ent.audience", "ENTERPRISE", G + "ent.wecom-robots", "plant"));
        return new WeComChannel(Engines.config(settings), Views.JSON, Views.TEMPLATES,
                new Secrets(name -> Optional.ofNullable(env.get(name))));
    }

    @Test
    void shouldPostTheMarkdownWithTheRobotsKeyWhenNotifying() throws Exception {
        try (Receiver wecom = new Receiver("{\"errcode\":0,\"errmsg\":\"ok\"}")) {
            WeComChannel channel = channel(wecom, Map.of("SAFETYHUB_WECOM_KEY_PLANT", "k-1 2"));
            List<Target> targets = channel.targets("ENTERPRISE", Views.gas());
            channel.send("RAISED", "ENTERPRISE", Views.gas(), targets.get(0));

            Receiver.Request got = wecom.requests.get(0);
            assertEquals("POST", got.method());
            assertEquals("/cgi-bin/webhook/send", got.path());
            assertEquals("key=k-1+2", got.rawQuery());
            JsonNode body = Views.JSON.readTree(got.body());
            assertEquals("markdown", body.get("msgtype").asText());
            assertEquals(Views.TEMPLATES.markdown("RAISED", "ENTERPRISE", Views.gas()),
                    body.get("markdown").get("content").asText());
        }
    }

    @Test
    void shouldFailWhenTheRobotAnswersANonZeroErrcode() throws Exception {
        try (Receiver wecom = new Receiver("{\"errcode\":93000,\"errmsg\":\"invalid webhook url\"}")) {
            WeComChannel channel = channel(wecom, Map.of("SAFETYHUB_WECOM_KEY_PLANT", "k"));
            Target robot = channel.targets("ENTERPRISE", Views.gas()).get(0);
            IllegalStateException e = assertThrows(IllegalStateException.class,
                    () -> channel.send("RAISED", "ENTERPRISE", Views.gas(), robot));
            assertTrue(e.getMessage().contains("errcode 93000"), e.getMessage());
        }
    }

    @Test
    void shouldFailWithoutCallingWhenTheRobotsKeyIsNotInTheEnvironment() throws Exception {
        try (Receiver wecom = new Receiver("{\"errcode\":0}")) {
            WeComChannel channel = channel(wecom, Map.of());
            Target robot = channel.targets("ENTERPRISE", Views.gas()).get(0);
            IllegalStateException e = assertThrows(IllegalStateException.class,
                    () -> channel.send("RAISED", "ENTERPRISE", Views.gas(), robot));
            assertTrue(e.getMessage().contains("SAFETYHUB_WECOM_KEY_PLANT"), e.getMessage());
            assertEquals(0, wecom.requests.size());
        }
    }
}
