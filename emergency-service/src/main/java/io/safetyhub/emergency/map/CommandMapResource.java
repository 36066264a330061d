package io.safetyhub.emergency.map;

import io.quarkus.security.identity.SecurityIdentity;
import io.safetyhub.emergency.enterprise.EnterpriseDirectory;
import io.safetyhub.emergency.material.MaterialService;
import io.safetyhub.emergency.site.SiteService;
import io.safetyhub.emergency.team.TeamService;
import io.safetyhub.platform.Caller;
import io.safetyhub.platform.rest.Callers;
import io.safetyhub.platform.rest.DomainException;
import io.safetyhub.platform.rest.QueryParams;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The command map's layers (应急指挥一张图) as GeoJSON FeatureCollections (RFC 7946, longitude first), in the caller's
 * area. Records without coordinates are left off the map; they stay in the lists.
 */
@Path("/api/emergency/map")
// GeoJSON is JSON: a client that asks for application/json (the console does for every call) gets the same body
@Produces({"application/geo+json", "application/json"})
@RolesAllowed({"regulator", "operator"})
@Tag(name = "map", description = "应急指挥一张图")
public class CommandMapResource {
    private final TeamService teams;
    private final MaterialService materials;
    private final EnterpriseDirectory enterprises;
    private final SiteService sites;
    private final NearbyAlarms alarms;
    private final SecurityIdentity identity;

    public CommandMapResource(TeamService teams, MaterialService materials, EnterpriseDirectory enterprises,
                              SiteService sites, NearbyAlarms alarms, SecurityIdentity identity) {
        this.teams = teams;
        this.materials = materials;
        this.enterprises = enterprises;
        this.sites = sites;
        this.alarms = alarms;
        this.identity = identity;
    }

    @GET
    @Path("/teams")
    @Operation(summary = "Rescue teams: name, specialty, members, readiness")
    public GeoJson.FeatureCollection teams() {
        return GeoJson.collect(teams.list(caller(), null), t -> t.longitude(), t -> t.latitude(), t -> props(
                "id", t.id(), "name", t.name(), "specialty", t.specialty(), "members", t.members(), "readiness", t.readiness()));
    }

    @GET
    @Path("/materials")
    @Operation(summary = "Material stocks: item, quantity, tier, low stock")
    public GeoJson.FeatureCollection materials() {
        return GeoJson.collect(materials.all(caller()), m -> m.longitude(), m -> m.latitude(), m -> props(
                "id", m.id(), "item", m.item(), "quantity", m.quantity(), "unit", m.unit(), "tier", m.tier(),
                "location", m.location(), "lowStock", m.quantity() <= m.lowStockThreshold()));
    }

    @GET
    @Path("/enterprises")
    @Operation(summary = "Registered enterprises by risk colour (from enterprise.registry.v1)")
    public GeoJson.FeatureCollection enterprises() {
        Caller caller = caller();
        return GeoJson.collect(enterprises.all().stream().filter(e -> caller.sees(e.id(), e.district(), e.town(), null)).toList(),
                e -> e.longitude(), e -> e.latitude(), e -> props("id", e.id(), "name", e.name(), "district", e.district(),
                        "riskColour", e.riskColour(), "sectors", e.sectors()));
    }

    @GET
    @Path("/shelters")
    @Operation(summary = "Shelters (避难场所): class, capacity, address")
    public GeoJson.FeatureCollection shelters() {
        return GeoJson.collect(sites.shelters(caller(), null), s -> s.longitude(), s -> s.latitude(), s -> props(
                "id", s.id(), "name", s.name(), "shelterClass", s.shelterClass(), "capacity", s.capacity(),
                "address", s.address(), "district", s.district()));
    }

    @GET
    @Path("/key-targets")
    @Operation(summary = "Key targets (重点目标): kind, people, address")
    public GeoJson.FeatureCollection keyTargets() {
        return GeoJson.collect(sites.keyTargets(caller(), null), k -> k.longitude(), k -> k.latitude(), k -> props(
                "id", k.id(), "name", k.name(), "kind", k.kind(), "people", k.people(), "address", k.address(),
                "district", k.district()));
    }

    @GET
    @Path("/alarms")
    @Operation(summary = "Open alarms within radiusKm (default 5, at most emergency.map.max-radius-km) of a point, "
            + "nearest first, placed at their enterprise; at most limit (default and maximum emergency.map.max-alarms), "
            + "with total, the number before the limit")
    public GeoJson.FeatureCollection alarms(@QueryParam("longitude") String longitude, @QueryParam("latitude") String latitude,
                                            @QueryParam("radiusKm") String radiusKm, @QueryParam("limit") String limit) {
        double lon = degrees("longitude", longitude, 180);
        double lat = degrees("latitude", latitude, 90);
        Double radius = radiusKm == null || radiusKm.isBlank() ? null : number("radiusKm", radiusKm);
        // The upper bound is the service's (emergency.map.max-alarms): it checks it, with the configured figure.
        Integer most = limit == null || limit.isBlank() ? null
                : QueryParams.integer("limit", limit, 0, 1, Integer.MAX_VALUE);
        NearbyAlarms.Found found = alarms.around(caller(), lon, lat, radius, most);
        GeoJson.FeatureCollection page = GeoJson.collect(found.nearest(), n -> n.enterprise().longitude(),
                n -> n.enterprise().latitude(), n -> props("id", n.alarm().id(), "level", n.alarm().level(),
                        "status", n.alarm().status(), "kind", n.alarm().kind(), "enterpriseId", n.alarm().enterpriseId(),
                        "enterpriseName", n.enterprise().name(), "district", n.alarm().district(),
                        "deviceId", n.alarm().deviceId(), "metric", n.alarm().metric(), "value", n.alarm().value(),
                        "unit", n.alarm().unit(), "raisedAt", n.alarm().raisedAt(),
                        "distanceKm", Math.round(n.distanceKm() * 100) / 100.0));
        return new GeoJson.FeatureCollection(page.type(), page.features(), found.total());
    }


    /** A required coordinate in degrees within ±{@code bound}, else 400 naming the parameter. */
    private static double degrees(String field, String value, double bound) {
        if (value == null || value.isBlank()) {
            throw DomainException.field(field, "required, in degrees (WGS-84)");
        }
        double d = number(field, value);
        if (d < -bound || d > bound) {
            throw DomainException.field(field, "must be between -" + (int) bound + " and " + (int) bound);
        }
        return d;
    }

    private static double number(String field, String value) {
        try {
            double d = Double.parseDouble(value.strip());
            if (Double.isFinite(d)) {
                return d;
            }
        } catch (NumberFormatException ignored) {
            // answered below, naming the parameter
        }
        throw DomainException.field(field, "must be a number");
    }

    private Caller caller() {
        return Callers.of(identity);
    }

    private static Map<String, Object> props(Object... pairs) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            out.put((String) pairs[i], pairs[i + 1]);
        }
        return out;
    }
}
