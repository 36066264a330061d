package io.safetyhub.warning.notify;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.safetyhub.warning.alarm.AlarmView;
import io.safetyhub.warning.config.WarningConfig;
import io.safetyhub.warning.oncall.OnDuty;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * WeCom (企业微信) group robots: {@code POST {base}/cgi-bin/webhook/send?key=KEY} with a markdown message. Each robot a
 * recipient group names is a target; its key comes from {@code SAFETYHUB_WECOM_KEY_<NAME>} only. A reply with
 * {@code errcode != 0} (a wrong key, the robot's rate limit of 20 messages a minute) is a failure and retried. A notice
 * to a town or a district with officers on duty is sent as text instead, because only a text message can @-mention
 * members by mobile ({@code mentioned_mobile_list}): the duty officers get the robot's ping on their phones.
 */
@ApplicationScoped
public class WeComChannel implements NotificationChannel {
    private static final Logger LOG = Logger.getLogger(WeComChannel.class);
    static final String KEY_PREFIX = "SAFETYHUB_WECOM_KEY_";

    private final String base;
    private final RecipientGroups groups;
    private final Secrets secrets;
    private final ZhTemplates templates;
    private final HttpSender http;

    @Inject
    public WeComChannel(WarningConfig config, ObjectMapper json, ZhTemplates templates) {
        this(config, json, templates, Secrets.fromEnvironment());
    }

    WeComChannel(WarningConfig config, ObjectMapper json, ZhTemplates templates, Secrets secrets) {
        this.base = config.notifications().wecom().baseUrl().replaceAll("/+$", "");
        this.groups = new RecipientGroups(config.notifications().groups());
        this.secrets = secrets;
        this.templates = templates;
        this.http = new HttpSender(config.notifications().http(), json);
        // Said at start, not first at the alarm that needed the robot.
        for (String robot : groups.all(RecipientGroups.Kind.WECOM)) {
            String variable = Secrets.variable(KEY_PREFIX, robot);
            if (secrets.get(variable).isEmpty()) {
                LOG.errorf("WeCom robot %s is named in a recipient group but %s is not set: its notices will fail",
                        robot, variable);
            }
        }
    }

    @Override
    public String name() {
        return "wecom";
    }

    @Override
    public boolean enabled() {
        return groups.any(RecipientGroups.Kind.WECOM);
    }

    @Override
    public List<Target> targets(String audience, AlarmView alarm) {
        return groups.targets(RecipientGroups.Kind.WECOM, audience, alarm);
    }

    @Override
    public void send(String change, String audience, AlarmView alarm) {
        targets(audience, alarm).forEach(t -> send(change, audience, alarm, t));
    }

    @Override
    public void send(String change, String audience, AlarmView alarm, Target robot) {
        String variable = Secrets.variable(KEY_PREFIX, robot.key());
        String key = secrets.get(variable).orElseThrow(() -> {
            LOG.errorf("WeCom robot %s has no key: set the environment variable %s", robot.key(), variable);
            return new IllegalStateException("no key for WeCom robot " + robot.key() + " (" + variable + ")");
        });
        List<String> mobiles = templates.onDuty(audience, alarm).map(OnDuty::mobiles).orElse(List.of());
        String body = mobiles.isEmpty()
                ? http.write(Map.of("msgtype", "markdown",
                        "markdown", Map.of("content", templates.markdown(change, audience, alarm))))
                : http.write(Map.of("msgtype", "text", "text", Map.of("content",
                        templates.plain(change, audience, alarm), "mentioned_mobile_list", mobiles)));
        URI uri = URI.create(base + "/cgi-bin/webhook/send?key=" + URLEncoder.encode(key, StandardCharsets.UTF_8));
        HttpSender.requireErrcodeZero("WeCom robot " + robot.key(),
                http.post("WeCom robot " + robot.key(), uri, "application/json; charset=utf-8", body));
    }
}
