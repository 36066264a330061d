package io.safetyhub.warning.notify;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import io.safetyhub.warning.support.Engines;
import io.vertx.core.Vertx;
import io.vertx.ext.mail.MailClient;
import io.vertx.ext.mail.MailConfig;
import io.vertx.ext.mail.MailMessage;
import io.vertx.ext.mail.StartTLSOptions;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The e-mail channel against GreenMail, a real SMTP server in this JVM, through Vert.x's SMTP client (the one
 * quarkus-mailer drives in the app; {@code NotificationDeliveryIT} goes through quarkus-mailer itself).
 */
class EmailChannelTest {
    private static final String G = "warning.notifications.groups.";

    @RegisterExtension
    static final GreenMailExtension SMTP = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

    private final Vertx vertx = Vertx.vertx();

    @AfterEach
    void stop() {
        vertx.close();
    }

    private EmailChannel channel(int port) {
        MailClient client = MailClient.create(vertx, new MailConfig().setHostname("127.0.0.1").setPort(port)
                .setStarttls(StartTLSOptions.DISABLED));
        return new EmailChannel(Engines.config(Map.of(G + "ent.audience", "ENTERPRISE", G + "ent.emails",
                "safety@chem.example.cn,boss@chem.example.cn")), Views.TEMPLATES, (to, subject, text) -> {
            try {
                client.sendMail(new MailMessage().setFrom("alarms@safetyhub.test").setTo(to).setSubject(subject)
                        .setText(text)).toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
            } catch (ExecutionException e) {
                throw new IllegalStateException("SMTP refused: " + e.getCause().getMessage(), e.getCause());
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
    }

    @Test
    void shouldMailTheChineseNoticeToEveryAddressOfTheGroupWhenNotifying() throws Exception {
        EmailChannel channel = channel(SMTP.getSmtp().getPort());
        Target addresses = channel.targets("ENTERPRISE", Views.gas()).get(0);
        assertEquals(List.of("s***@chem.example.cn", "b***@chem.example.cn"), addresses.shown());
        channel.send("RAISED", "ENTERPRISE", Views.gas(), addresses);

        MimeMessage[] got = SMTP.getReceivedMessages();
        assertEquals(2, got.length, "one copy per recipient mailbox");
        assertEquals(Views.TEMPLATES.title("RAISED", Views.gas()), got[0].getSubject());
        assertEquals(2, got[0].getRecipients(Message.RecipientType.TO).length);
        String body = String.valueOf(got[0].getContent());
        assertTrue(body.contains("监测指标：可燃气体浓度 60 %LEL（阈值 50 %LEL）"), body);
        assertTrue(body.contains("时间：2026-06-01 16:00:00（北京时间）"), body);
    }

    @Test
    void shouldFailWhenTheSmtpServerIsAway() {
        int port = SMTP.getSmtp().getPort();
        SMTP.stop();
        EmailChannel channel = channel(port);
        Target addresses = channel.targets("ENTERPRISE", Views.gas()).get(0);
        assertThrows(IllegalStateException.class, () -> channel.send("RAISED", "ENTERPRISE", Views.gas(), addresses));
    }
}
