package io.safetyhub.warning.notify;

import io.safetyhub.events.AlarmLevel;
import io.safetyhub.warning.alarm.AlarmView;
import io.safetyhub.warning.enterprise.EnterpriseDirectory;
import io.safetyhub.warning.oncall.DutyLookup;
import io.safetyhub.warning.oncall.OnDuty;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The Chinese text every channel sends (issue 23 item 4): one formatter, so a robot message, an e-mail and the SMS
 * template's parameters say the same thing. Times are China's (Asia/Shanghai), whatever the server's zone. A notice to
 * a town or a district names who is on duty there that day ({@link #onDuty}), as the escalation recorded it.
 */
@ApplicationScoped
public class ZhTemplates {
    static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(CHINA);

    private final Function<String, String> enterpriseNames;
    private final DutyLookup onCall;

    @Inject
    public ZhTemplates(EnterpriseDirectory enterprises, DutyLookup onCall) {
        this(id -> {
            EnterpriseDirectory.Entry e = id == null ? null : enterprises.get(id);
            return e == null ? null : e.name();
        }, onCall);
    }

    public ZhTemplates(Function<String, String> enterpriseNames) {
        this(enterpriseNames, DutyLookup.NONE);
    }

    public ZhTemplates(Function<String, String> enterpriseNames, DutyLookup onCall) {
        this.enterpriseNames = enterpriseNames;
        this.onCall = onCall;
    }

    /** Who is on duty for this notice's audience on the day of the change (none for the enterprise). */
    public Optional<OnDuty> onDuty(String audience, AlarmView a) {
        return onCall.onDuty(audience, a.enterpriseId(), a.updatedAt());
    }

    /** 红色预警（I级） */
    public static String level(AlarmLevel level) {
        String colour = switch (level) {
            case RED -> "红色";
            case ORANGE -> "橙色";
            case YELLOW -> "黄色";
            case BLUE -> "蓝色";
        };
        return colour + "预警（" + level.roman() + "级）";
    }

    /** What happened, in the words of a Chinese warning notice. */
    public static String change(String change) {
        return switch (change) {
            case "RAISED" -> "发生";
            case "LEVEL_RAISED" -> "升级";
            case "ACKNOWLEDGED" -> "已确认";
            case "CLEARED" -> "已消除";
            case "CLOSED" -> "已关闭";
            case "ESCALATED" -> "逐级上报";
            default -> change;
        };
    }

    public static String audience(String audience) {
        return switch (audience) {
            case "ENTERPRISE" -> "企业";
            case "TOWN_REGULATOR" -> "镇街监管部门";
            case "DISTRICT_REGULATOR" -> "区级监管部门";
            default -> audience;
        };
    }

    static String metric(String metric) {
        if (metric == null) {
            return "—";
        }
        return switch (metric) {
            case "gas_lel" -> "可燃气体浓度";
            case "gas_ppm" -> "有毒气体浓度";
            case "load_ratio" -> "起重量";
            case "moment_ratio" -> "起重力矩";
            case "wind_speed" -> "风速";
            default -> metric;
        };
    }

    /** The one-line headline: 【红色预警（I级）】某化工厂 可燃气体浓度 报警发生 */
    public String title(String change, AlarmView a) {
        return "【" + level(a.level()) + "】" + enterprise(a) + " " + metric(a.metric()) + " 报警" + change(change);
    }

    /** The whole notice as Markdown (WeCom and DingTalk render it; as plain text it reads the same). */
    public String markdown(String change, String audience, AlarmView a) {
        StringBuilder text = new StringBuilder("### ").append(title(change, a)).append('\n');
        for (Map.Entry<String, String> line : lines(change, audience, a).entrySet()) {
            text.append("> ").append(line.getKey()).append("：").append(line.getValue()).append('\n');
        }
        return text.toString();
    }

    /** The same notice as plain text (e-mail). */
    public String plain(String change, String audience, AlarmView a) {
        StringBuilder text = new StringBuilder(title(change, a)).append("\n\n");
        lines(change, audience, a).forEach((k, v) -> text.append(k).append("：").append(v).append('\n'));
        return text.toString();
    }

    /** The values of the SMS template's parameters, by role (the parameter names are settings). */
    public Map<String, String> smsValues(String change, AlarmView a) {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("level", level(a.level()));
        values.put("enterprise", enterprise(a));
        values.put("device", a.deviceId() == null ? "—" : a.deviceId());
        values.put("metric", reading(a));
        values.put("change", change(change));
        values.put("time", TIME.format(a.updatedAt()));
        return values;
    }

    private Map<String, String> lines(String change, String audience, AlarmView a) {
        Map<String, String> lines = new LinkedHashMap<>();
        lines.put("预警级别", level(a.level()));
        lines.put("企业", enterprise(a) + (a.district() == null ? "" : "（" + a.district() + "）"));
        lines.put("设备", a.deviceId() == null ? "—" : a.deviceId()
                + (a.deviceKind() == null ? "" : "（" + a.deviceKind() + "）"));
        lines.put("监测指标", reading(a));
        lines.put("状态变化", change(change));
        lines.put("通知对象", audience(audience));
        onDuty(audience, a).ifPresent(duty -> lines.put("值班人员", duty.summary()));
        if (a.message() != null && !a.message().isBlank()) {
            lines.put("说明", a.message());
        }
        lines.put("时间", TIME.format(a.updatedAt()) + "（北京时间）");
        lines.put("预警编号", a.id());
        return lines;
    }

    /** 可燃气体浓度 60 %LEL（阈值 50 %LEL）, or the metric alone for alarms without a value (offline, fault). */
    static String reading(AlarmView a) {
        if (a.unit() == null && a.value() == 0 && a.threshold() == 0) {
            return metric(a.metric());
        }
        String unit = a.unit() == null || a.unit().isBlank() ? "" : " " + a.unit();
        return metric(a.metric()) + " " + number(a.value()) + unit + "（阈值 " + number(a.threshold()) + unit + "）";
    }

    private String enterprise(AlarmView a) {
        String name = enterpriseNames.apply(a.enterpriseId());
        return name == null ? a.enterpriseId() : name;
    }

    /** 60.0 -> 60, 12.345 -> 12.35: what a person reads on a phone. */
    static String number(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return Long.toString((long) v);
        }
        return java.math.BigDecimal.valueOf(v).setScale(2, java.math.RoundingMode.HALF_UP).stripTrailingZeros()
                .toPlainString();
    }
}
