package io.safetyhub.emergency.expert;

import com.mongodb.client.MongoClient;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Sorts;
import io.quarkus.security.identity.SecurityIdentity;
import io.safetyhub.emergency.common.Area;
import io.safetyhub.emergency.common.RecordStore;
import io.safetyhub.emergency.common.Today;
import io.safetyhub.emergency.config.EmergencyConfig;
import io.safetyhub.platform.Caller;
import io.safetyhub.platform.rest.Callers;
import io.safetyhub.platform.rest.Created;
import io.safetyhub.platform.rest.DomainException;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.bson.conversions.Bson;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;
import java.util.UUID;

import static io.safetyhub.platform.Strings.blankToNull;

/** The expert library over REST ({@code experts}); small enough that the resource holds its few rules itself. */
@Path("/api/emergency/experts")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed({"regulator", "enterprise", "operator"})
@Tag(name = "experts", description = "专家库")
public class ExpertResource {
    private final RecordStore<Expert> experts;
    private final Today today;
    private final SecurityIdentity identity;

    public ExpertResource(MongoClient mongo, EmergencyConfig config, Today today, SecurityIdentity identity) {
        this.experts = new RecordStore<>(mongo.getDatabase(config.database()).getCollection("experts"), Expert.class);
        this.today = today;
        this.identity = identity;
    }

    @GET
    @Operation(summary = "Experts city-wide by specialty and district; phones masked outside the caller's district")
    public List<ExpertView> list(@QueryParam("specialty") String specialty, @QueryParam("district") String district) {
        Bson filter = Filters.empty();
        if (blankToNull(specialty) != null) {
            filter = Filters.and(filter, Filters.eq("specialty", specialty.strip()));
        }
        if (blankToNull(district) != null) {
            filter = Filters.and(filter, Filters.eq("district", district.strip()));
        }
        Caller caller = Callers.of(identity);
        return experts.find(filter, Sorts.ascending("specialty", "name")).stream().map(e -> ExpertView.of(e, caller)).toList();
    }

    @GET
    @Path("/{id}")
    public ExpertView get(@PathParam("id") String id) {
        return ExpertView.of(experts.byId(id).orElseThrow(() -> DomainException.notFound("expert", id)), Callers.of(identity));
    }

    @POST
    @RolesAllowed({"regulator", "operator"})
    @Operation(summary = "Enrol an expert in the caller's district")
    public Response create(@NotNull @Valid ExpertRequest request) {
        Expert e = write(Callers.of(identity), "x-" + UUID.randomUUID(), request);
        return Created.at("/api/emergency/experts/" + e.id(), ExpertView.of(e, Callers.of(identity)));
    }

    @PUT
    @Path("/{id}")
    @RolesAllowed({"regulator", "operator"})
    public ExpertView update(@PathParam("id") String id, @NotNull @Valid ExpertRequest request) {
        Caller caller = Callers.of(identity);
        Expert stored = experts.byId(id).orElseThrow(() -> DomainException.notFound("expert", id));
        new Area(stored.district(), null).requireKeeper(caller, "experts");
        return ExpertView.of(write(caller, id, request), caller);
    }

    private Expert write(Caller caller, String id, ExpertRequest r) {
        Area area = new Area(Area.of(caller, blankToNull(r.district()), null).district(), null);
        area.requireKeeper(caller, "experts");
        Expert e = new Expert(id, r.name().strip(), r.specialty().strip(), blankToNull(r.title()), blankToNull(r.organisation()),
                r.phone(), area.district(), today.now(), caller.subject());
        experts.put(id, e);
        return e;
    }
}
