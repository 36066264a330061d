package io.safetyhub.emergency.map;

import io.quarkus.security.identity.SecurityIdentity;
import io.safetyhub.emergency.enterprise.EnterpriseDirectory;
import io.safetyhub.emergency.material.MaterialService;
import io.safetyhub.emergency.team.TeamService;
import io.safetyhub.platform.Caller;
import io.safetyhub.platform.rest.Callers;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The command map's layers (应急指挥一张图) as GeoJSON FeatureCollections (RFC 7946, longitude first), in the caller's
 * area. Records without coordinates are left off the map; they stay in the lists.
 */
@Path("/api/emergency/map")
@Produces("application/geo+json")
@RolesAllowed({"regulator", "operator"})
@Tag(name = "map", description = "应急指挥一张图")
public class CommandMapResource {
    private final TeamService teams;
    private final MaterialService materials;
    private final EnterpriseDirectory enterprises;
    private final SecurityIdentity identity;

    public CommandMapResource(TeamService teams, MaterialService materials, EnterpriseDirectory enterprises,
                              SecurityIdentity identity) {
        this.teams = teams;
        this.materials = materials;
        this.enterprises = enterprises;
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
