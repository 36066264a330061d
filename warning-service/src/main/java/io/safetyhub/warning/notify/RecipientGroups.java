package io.safetyhub.warning.notify;

import io.safetyhub.platform.Masks;
import io.safetyhub.warning.alarm.AlarmView;
import io.safetyhub.warning.config.ChannelSettings;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * Who gets what (issue 23 item 4): a group is for one audience (who must act now) and, optionally, only some districts
 * or enterprises; it names robots, phones and e-mail addresses. Every group matching an alarm contributes; a
 * recipient named by two groups gets the notice once.
 */
public final class RecipientGroups {
    public enum Kind { WECOM, DINGTALK, SMS, EMAIL }

    private final Map<String, ChannelSettings.Group> groups;

    public RecipientGroups(Map<String, ChannelSettings.Group> groups) {
        this.groups = new TreeMap<>(groups);
    }

    /** Whether any group names a recipient of this kind (a channel nobody listens to gets no worker). */
    public boolean any(Kind kind) {
        return groups.values().stream().anyMatch(g -> !of(g, kind).isEmpty());
    }

    /** Every recipient of this kind any group names (to check at start that each robot has its secret). */
    public Set<String> all(Kind kind) {
        Set<String> all = new LinkedHashSet<>();
        groups.values().forEach(g -> all.addAll(of(g, kind)));
        return all;
    }

    /** The targets of one channel for an alarm and its audience; empty when no group covers them. */
    public List<Target> targets(Kind kind, String audience, AlarmView alarm) {
        Set<String> recipients = new LinkedHashSet<>();
        for (ChannelSettings.Group g : groups.values()) {
            if (matches(g, audience, alarm)) {
                recipients.addAll(of(g, kind));
            }
        }
        if (recipients.isEmpty()) {
            return List.of();
        }
        List<String> all = new ArrayList<>(recipients);
        return switch (kind) {
            // A robot is a target of its own: each is attempted and recorded separately.
            case WECOM, DINGTALK -> all.stream().map(r -> new Target(r, List.of(r), List.of(r))).toList();
            // Aliyun takes up to 1,000 numbers per SendSms, one message carries every address.
            case SMS -> List.of(new Target("phones", all, all.stream().map(Masks::phone).toList()));
            case EMAIL -> List.of(new Target("emails", all, all.stream().map(RecipientGroups::maskEmail).toList()));
        };
    }

    /** The one SMS target of the groups' phones with {@code more} (the duty officers' mobiles) added, each once. */
    static List<Target> phones(List<Target> fromGroups, List<String> more) {
        Set<String> all = new LinkedHashSet<>();
        fromGroups.forEach(t -> all.addAll(t.address()));
        all.addAll(more);
        return all.isEmpty() ? List.of()
                : List.of(new Target("phones", List.copyOf(all), all.stream().map(Masks::phone).toList()));
    }

    static boolean matches(ChannelSettings.Group g, String audience, AlarmView alarm) {
        return g.audience().name().equals(audience)
                && g.districts().map(d -> d.contains(alarm.district())).orElse(true)
                && g.towns().map(t -> t.contains(alarm.town())).orElse(true)
                && g.enterprises().map(e -> e.contains(alarm.enterpriseId())).orElse(true);
    }

    private static List<String> of(ChannelSettings.Group g, Kind kind) {
        Function<ChannelSettings.Group, Optional<List<String>>> field = switch (kind) {
            case WECOM -> ChannelSettings.Group::wecomRobots;
            case DINGTALK -> ChannelSettings.Group::dingtalkRobots;
            case SMS -> ChannelSettings.Group::phones;
            case EMAIL -> ChannelSettings.Group::emails;
        };
        return field.apply(g).orElse(List.of()).stream().map(String::trim).filter(s -> !s.isEmpty()).toList();
    }

    /** {@code zhang.san@example.cn} -> {@code z***@example.cn}: enough to tell addresses apart on the alarm page. */
    static String maskEmail(String address) {
        int at = address.indexOf('@');
        if (at <= 0) {
            return "***";
        }
        return address.charAt(0) + "***" + address.substring(at);
    }
}
