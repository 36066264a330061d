package io.safetyhub.emergency.map;

import io.safetyhub.emergency.alarm.AlarmView;
import io.safetyhub.emergency.alarm.KnownAlarm;
import io.safetyhub.emergency.config.EmergencyConfig;
import io.safetyhub.emergency.enterprise.EnterpriseDirectory;
import io.safetyhub.emergency.enterprise.KnownEnterprise;
import io.safetyhub.platform.Caller;
import io.safetyhub.platform.rest.DomainException;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Open alarms within a radius of a point, for the command map: both local views, the alarms from
 * {@code alarms.events.v1} and the enterprises' coordinates from {@code enterprise.registry.v1}. An alarm is placed at
 * its enterprise (devices carry no coordinates of their own); one whose enterprise has none is left off.
 */
@ApplicationScoped
public class NearbyAlarms {
    private final AlarmView alarms;
    private final EnterpriseDirectory enterprises;
    private final EmergencyConfig.CommandMap settings;

    public NearbyAlarms(AlarmView alarms, EnterpriseDirectory enterprises, EmergencyConfig config) {
        this.alarms = alarms;
        this.enterprises = enterprises;
        this.settings = config.map();
    }

    /** An open alarm, where it is and how far from the asked point; nearest first. */
    public record Nearby(KnownAlarm alarm, KnownEnterprise enterprise, double distanceKm) {
    }

    /** The nearest {@code limit} of the {@code total} open alarms within the radius. */
    public record Found(List<Nearby> nearest, int total) {
    }

    /**
     * @param radiusKm null for the configured default; above the configured maximum a 400 naming {@code radiusKm}
     * @param limit    null for {@code emergency.map.max-alarms}; outside 1..that a 400 naming {@code limit}
     */
    public Found around(Caller caller, double longitude, double latitude, Double radiusKm, Integer limit) {
        double radius = radiusKm == null ? settings.defaultRadiusKm() : radiusKm;
        if (!(radius > 0) || radius > settings.maxRadiusKm()) {
            throw DomainException.field("radiusKm", "must be above 0 and at most " + settings.maxRadiusKm() + " km");
        }
        int most = limit == null ? settings.maxAlarms() : limit;
        if (most < 1 || most > settings.maxAlarms()) {
            throw DomainException.field("limit", "must be between 1 and " + settings.maxAlarms());
        }
        Map<String, KnownEnterprise> placed = enterprises.all().stream()
                .filter(e -> e.longitude() != null && e.latitude() != null)
                .collect(Collectors.toMap(KnownEnterprise::id, Function.identity()));
        List<Nearby> out = new ArrayList<>();
        for (KnownAlarm alarm : alarms.open(caller.confinedDistrict())) {
            KnownEnterprise at = placed.get(alarm.enterpriseId());
            if (at == null || !caller.sees(alarm.enterpriseId(), alarm.district(), at.town(), null)) {
                continue;
            }
            double km = Distance.km(longitude, latitude, at.longitude(), at.latitude());
            if (km <= radius) {
                out.add(new Nearby(alarm, at, km));
            }
        }
        out.sort(Comparator.comparingDouble(Nearby::distanceKm));
        return new Found(List.copyOf(out.subList(0, Math.min(most, out.size()))), out.size());
    }
}
