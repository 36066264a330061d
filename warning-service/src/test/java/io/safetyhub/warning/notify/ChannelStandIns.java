package io.safetyhub.warning.notify;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;

/**
 * Local stand-ins for the module's one Quarkus test app (declared global, so no second app start): a WeCom robot
 * endpoint and GreenMail as the SMTP server, with one recipient group for the enterprise {@link #ENTERPRISE} only,
 * so the other tests' alarms (of chem-banan-01) reach no stand-in. The robot key is a fake, handed as a config value
 * under its environment variable's name, exactly where {@link Secrets} looks.
 */
public class ChannelStandIns implements QuarkusTestResourceLifecycleManager {
    static final String ENTERPRISE = "notify-it-01";
    static final String MAILBOX = "duty@notify-it.example.cn";
    static final String ROBOT_KEY = "it-robot-key";

    static volatile Receiver wecom;
    static volatile GreenMail smtp;

    @Override
    public Map<String, String> start() {
        try {
            wecom = new Receiver("{\"errcode\":0,\"errmsg\":\"ok\"}");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        smtp = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
        smtp.start();
        String g = "warning.notifications.groups.notify-it.";
        return Map.ofEntries(Map.entry("warning.notifications.wecom.base-url", wecom.base()),
                Map.entry(g + "audience", "ENTERPRISE"), Map.entry(g + "enterprises", ENTERPRISE),
                Map.entry(g + "wecom-robots", "it"), Map.entry(g + "emails", MAILBOX),
                Map.entry("SAFETYHUB_WECOM_KEY_IT", ROBOT_KEY),
                Map.entry("quarkus.mailer.mock", "false"), Map.entry("quarkus.mailer.host", "127.0.0.1"),
                Map.entry("quarkus.mailer.port", String.valueOf(smtp.getSmtp().getPort())),
                Map.entry("quarkus.mailer.start-tls", "DISABLED"),
                Map.entry("quarkus.mailer.from", "alarms@safetyhub.test"));
    }

    @Override
    public void stop() {
        if (wecom != null) {
            wecom.close();
        }
        if (smtp != null) {
            smtp.stop();
        }
    }
}
