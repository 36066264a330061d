package io.safetyhub.warning.notify;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.safetyhub.warning.alarm.AlarmView;
import io.safetyhub.warning.config.WarningConfig;
import io.safetyhub.warning.oncall.OnDuty;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * DingTalk (钉钉) custom robots with the "加签" security setting: {@code POST {base}/robot/send?access_token=T
 * &timestamp=ms&sign=S}, where S is the URL-encoded Base64 of HmacSHA256(secret, timestamp + "\n" + secret).
 * DingTalk refuses a timestamp more than an hour off, so it is taken at each attempt. The token and the secret come
 * from {@code SAFETYHUB_DINGTALK_TOKEN_<NAME>} and {@code SAFETYHUB_DINGTALK_SECRET_<NAME>} only; {@code errcode != 0}
 * is a failure (retried).
 */
@ApplicationScoped
public class DingTalkChannel implements NotificationChannel {
    private static final Logger LOG = Logger.getLogger(DingTalkChannel.class);
    static final String TOKEN_PREFIX = "SAFETYHUB_DINGTALK_TOKEN_";
    static final String SECRET_PREFIX = "SAFETYHUB_DINGTALK_SECRET_";

    private final String base;
    private final RecipientGroups groups;
    private final Secrets secrets;
    private final ZhTemplates templates;
    private final HttpSender http;
    private final Clock clock;

    @Inject
    public DingTalkChannel(WarningConfig config, ObjectMapper json, ZhTemplates templates, Clock clock) {
        this(config, json, templates, clock, Secrets.fromEnvironment());
    }

    DingTalkChannel(WarningConfig config, ObjectMapper json, ZhTemplates templates, Clock clock, Secrets secrets) {
        this.base = config.notifications().dingtalk().baseUrl().replaceAll("/+$", "");
        this.groups = new RecipientGroups(config.notifications().groups());
        this.secrets = secrets;
        this.templates = templates;
        this.http = new HttpSender(config.notifications().http(), json);
        this.clock = clock;
        // Said at start, not first at the alarm that needed the robot.
        for (String robot : groups.all(RecipientGroups.Kind.DINGTALK)) {
            for (String variable : new String[]{Secrets.variable(TOKEN_PREFIX, robot),
                    Secrets.variable(SECRET_PREFIX, robot)}) {
                if (secrets.get(variable).isEmpty()) {
                    LOG.errorf("DingTalk robot %s is named in a recipient group but %s is not set: its notices will "
                            + "fail", robot, variable);
                }
            }
        }
    }

    @Override
    public String name() {
        return "dingtalk";
    }

    @Override
    public boolean enabled() {
        return groups.any(RecipientGroups.Kind.DINGTALK);
    }

    @Override
    public List<Target> targets(String audience, AlarmView alarm) {
        return groups.targets(RecipientGroups.Kind.DINGTALK, audience, alarm);
    }

    @Override
    public void send(String change, String audience, AlarmView alarm) {
        targets(audience, alarm).forEach(t -> send(change, audience, alarm, t));
    }

    @Override
    public void send(String change, String audience, AlarmView alarm, Target robot) {
        String token = required(Secrets.variable(TOKEN_PREFIX, robot.key()), robot);
        String secret = required(Secrets.variable(SECRET_PREFIX, robot.key()), robot);
        long timestamp = clock.millis();
        // DingTalk rings the duty officers' phones when the text names them (@mobile) and at.atMobiles lists them.
        List<String> mobiles = templates.onDuty(audience, alarm).map(OnDuty::mobiles).orElse(List.of());
        String text = templates.markdown(change, audience, alarm)
                + (mobiles.isEmpty() ? "" : "\n" + mobiles.stream().map(m -> "@" + m).collect(Collectors.joining(" ")));
        String body = http.write(Map.of("msgtype", "markdown",
                "markdown", Map.of("title", templates.title(change, alarm), "text", text),
                "at", Map.of("atMobiles", mobiles, "isAtAll", false)));
        URI uri = URI.create(base + "/robot/send?access_token=" + URLEncoder.encode(token, StandardCharsets.UTF_8)
                + "&timestamp=" + timestamp + "&sign=" + sign(secret, timestamp));
        HttpSender.requireErrcodeZero("DingTalk robot " + robot.key(),
                http.post("DingTalk robot " + robot.key(), uri, "application/json; charset=utf-8", body));
    }

    private String required(String variable, Target robot) {
        return secrets.get(variable).orElseThrow(() -> {
            LOG.errorf("DingTalk robot %s is not configured: set the environment variable %s", robot.key(), variable);
            return new IllegalStateException("DingTalk robot " + robot.key() + " lacks " + variable);
        });
    }

    /** URL-encoded Base64 of HmacSHA256(secret, timestamp + "\n" + secret), DingTalk's 加签. */
    public static String sign(String secret, long timestamp) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            byte[] digest = mac.doFinal((timestamp + "\n" + secret).getBytes(StandardCharsets.UTF_8));
            return URLEncoder.encode(Base64.getEncoder().encodeToString(digest), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }
}
