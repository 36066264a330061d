package io.safetyhub.warning.notify;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.safetyhub.warning.alarm.AlarmView;
import io.safetyhub.warning.config.ChannelSettings;
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
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * SMS through Aliyun's Dysmsapi {@code SendSms} (RPC style, version 2017-05-25), signed per Aliyun's 签名机制:
 * the parameters sorted by name, each name and value percent-encoded (RFC 3986: space %20, {@code *} %2A, {@code ~}
 * kept), joined into the canonical query; StringToSign = {@code POST&%2F&} + its percent-encoding; Signature =
 * Base64(HMAC-SHA1(secret + "&", StringToSign)). Aliyun sends only pre-approved templates, so the notice is the
 * template's parameters ({@link ZhTemplates#smsValues}) under the names the settings give. All phones of the notice
 * go in one request; a reply whose {@code Code} is not {@code OK} is a failure (retried).
 */
@ApplicationScoped
public class AliyunSmsChannel implements NotificationChannel {
    private static final Logger LOG = Logger.getLogger(AliyunSmsChannel.class);
    static final String SECRET = "SAFETYHUB_SMS_ACCESS_KEY_SECRET";
    private static final DateTimeFormatter ISO = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss'Z'")
            .withZone(ZoneOffset.UTC);
    /** Aliyun refuses a variable value longer than this (isv.PARAM_LENGTH_LIMIT), which no retry would mend. */
    static final int MAX_PARAM_LENGTH = 35;

    private final ChannelSettings.Sms settings;
    private final RecipientGroups groups;
    private final Secrets secrets;
    private final ZhTemplates templates;
    private final HttpSender http;
    private final Clock clock;

    @Inject
    public AliyunSmsChannel(WarningConfig config, ObjectMapper json, ZhTemplates templates, Clock clock) {
        this(config, json, templates, clock, Secrets.fromEnvironment());
    }

    AliyunSmsChannel(WarningConfig config, ObjectMapper json, ZhTemplates templates, Clock clock, Secrets secrets) {
        this.settings = config.notifications().sms();
        this.groups = new RecipientGroups(config.notifications().groups());
        this.secrets = secrets;
        this.templates = templates;
        this.http = new HttpSender(config.notifications().http(), json);
        this.clock = clock;
        if (groups.any(RecipientGroups.Kind.SMS) && !configured()) {
            LOG.errorf("recipient groups name phones but SMS is not configured (warning.notifications.sms."
                    + "access-key-id, sign-name, template-code): no SMS is sent");
        }
    }

    @Override
    public String name() {
        return "sms";
    }

    private boolean configured() {
        return settings.accessKeyId().isPresent() && settings.signName().isPresent()
                && settings.templateCode().isPresent();
    }

    /** Configured, SMS reaches the duty officers of every escalation even when no group names a phone. */
    @Override
    public boolean enabled() {
        return configured();
    }

    /** The groups' phones and, for a town or a district, the mobiles of that day's duty officers: one request. */
    @Override
    public List<Target> targets(String audience, AlarmView alarm) {
        List<String> duty = templates.onDuty(audience, alarm).map(OnDuty::mobiles).orElse(List.of());
        return RecipientGroups.phones(groups.targets(RecipientGroups.Kind.SMS, audience, alarm), duty);
    }

    @Override
    public void send(String change, String audience, AlarmView alarm) {
        targets(audience, alarm).forEach(t -> send(change, audience, alarm, t));
    }

    @Override
    public void send(String change, String audience, AlarmView alarm, Target phones) {
        String secret = secrets.get(SECRET).orElseThrow(() -> {
            LOG.errorf("SMS has no AccessKey secret: set the environment variable %s", SECRET);
            return new IllegalStateException("no SMS AccessKey secret (" + SECRET + ")");
        });
        SortedMap<String, String> params = new TreeMap<>();
        params.put("AccessKeyId", settings.accessKeyId().orElseThrow());
        params.put("Action", "SendSms");
        params.put("Format", "JSON");
        params.put("PhoneNumbers", String.join(",", phones.address()));
        params.put("RegionId", settings.regionId());
        params.put("SignName", settings.signName().orElseThrow());
        params.put("SignatureMethod", "HMAC-SHA1");
        params.put("SignatureNonce", UUID.randomUUID().toString());
        params.put("SignatureVersion", "1.0");
        params.put("TemplateCode", settings.templateCode().orElseThrow());
        params.put("TemplateParam", http.write(templateParams(change, alarm)));
        params.put("Timestamp", ISO.format(clock.instant().truncatedTo(ChronoUnit.SECONDS)));
        params.put("Version", "2017-05-25");
        String body = canonical(params) + "&Signature=" + percent(signature("POST", params, secret));
        JsonNode reply = http.post("Aliyun SMS", URI.create(settings.baseUrl().replaceAll("/+$", "") + "/"),
                "application/x-www-form-urlencoded; charset=utf-8", body);
        String code = reply.path("Code").asText("");
        if (!"OK".equals(code)) {
            throw new IllegalStateException("Aliyun SMS refused: " + (code.isEmpty() ? "no Code" : code) + " "
                    + reply.path("Message").asText(""));
        }
    }

    /** The approved template's parameters: names from the settings, values from the one zh formatter. */
    Map<String, String> templateParams(String change, AlarmView alarm) {
        Map<String, String> values = templates.smsValues(change, alarm);
        ChannelSettings.Sms.TemplateParams names = settings.params();
        Map<String, String> params = new LinkedHashMap<>();
        params.put(names.level(), cut(values.get("level")));
        params.put(names.enterprise(), cut(values.get("enterprise")));
        params.put(names.device(), cut(values.get("device")));
        params.put(names.metric(), cut(values.get("metric")));
        params.put(names.change(), cut(values.get("change")));
        params.put(names.time(), cut(values.get("time")));
        return params;
    }

    private static String cut(String value) {
        return value.length() <= MAX_PARAM_LENGTH ? value : value.substring(0, MAX_PARAM_LENGTH - 1) + "…";
    }

    /** Aliyun's POP percent-encoding: URL-encoding with space as %20, * as %2A and ~ kept. */
    static String percent(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20").replace("*", "%2A")
                .replace("%7E", "~");
    }

    static String canonical(SortedMap<String, String> params) {
        return params.entrySet().stream().map(e -> percent(e.getKey()) + "=" + percent(e.getValue()))
                .collect(Collectors.joining("&"));
    }

    /** Base64(HMAC-SHA1(secret + "&", method + "&%2F&" + percent(canonical query))). */
    static String signature(String method, SortedMap<String, String> params, String secret) {
        String stringToSign = method + "&" + percent("/") + "&" + percent(canonical(params));
        try {
            Mac mac = Mac.getInstance("HmacSHA1");
            mac.init(new SecretKeySpec((secret + "&").getBytes(StandardCharsets.UTF_8), "HmacSHA1"));
            return Base64.getEncoder().encodeToString(mac.doFinal(stringToSign.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA1 unavailable", e);
        }
    }
}
