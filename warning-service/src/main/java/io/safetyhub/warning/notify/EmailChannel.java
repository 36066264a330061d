package io.safetyhub.warning.notify;

import io.quarkus.mailer.Mail;
import io.quarkus.mailer.Mailer;
import io.safetyhub.warning.alarm.AlarmView;
import io.safetyhub.warning.config.WarningConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.List;

/**
 * E-mail through quarkus-mailer (SMTP server {@code quarkus.mailer.*}, its password only from
 * {@code QUARKUS_MAILER_PASSWORD}): one plain-text message in Chinese to every address the recipient groups give for
 * the audience. The mailer's failure (server away, refused) throws and is retried by the worker.
 */
@ApplicationScoped
public class EmailChannel implements NotificationChannel {

    /** Sends one message; the quarkus mailer in the app, a plain SMTP client in tests. */
    public interface Sender {
        void send(List<String> to, String subject, String text);
    }

    private final RecipientGroups groups;
    private final ZhTemplates templates;
    private final Sender sender;

    @Inject
    public EmailChannel(WarningConfig config, ZhTemplates templates, Mailer mailer) {
        this(config, templates, (to, subject, text) -> {
            Mail mail = Mail.withText(to.get(0), subject, text);
            mail.setTo(to);
            mailer.send(mail);
        });
    }

    EmailChannel(WarningConfig config, ZhTemplates templates, Sender sender) {
        this.groups = new RecipientGroups(config.notifications().groups());
        this.templates = templates;
        this.sender = sender;
    }

    @Override
    public String name() {
        return "email";
    }

    @Override
    public boolean enabled() {
        return groups.any(RecipientGroups.Kind.EMAIL);
    }

    @Override
    public List<Target> targets(String audience, AlarmView alarm) {
        return groups.targets(RecipientGroups.Kind.EMAIL, audience, alarm);
    }

    @Override
    public void send(String change, String audience, AlarmView alarm) {
        targets(audience, alarm).forEach(t -> send(change, audience, alarm, t));
    }

    @Override
    public void send(String change, String audience, AlarmView alarm, Target addresses) {
        sender.send(addresses.address(), templates.title(change, alarm), templates.plain(change, audience, alarm));
    }
}
