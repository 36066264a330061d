package io.safetyhub.warning.live;

import io.quarkus.security.identity.SecurityIdentity;
import io.safetyhub.warning.alarm.Scope;
import io.safetyhub.platform.Caller;
import io.safetyhub.platform.rest.Callers;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestStreamElementType;

/** Alarm changes as server-sent events, only those within the caller's scope (the gateway fans them out). */
@Path("/api/alarms/stream")
@Tag(name = "alarms")
public class LiveResource {
    private final LiveStream live;
    private final Scope scope;
    private final SecurityIdentity identity;

    public LiveResource(LiveStream live, Scope scope, SecurityIdentity identity) {
        this.live = live;
        this.scope = scope;
        this.identity = identity;
    }

    @GET
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @RestStreamElementType(MediaType.APPLICATION_JSON)
    @RolesAllowed({"regulator", "enterprise", "operator"})
    @Blocking
    @Operation(summary = "Live alarm changes within the caller's enterprise or district")
    public Multi<LiveStream.Notice> stream() {
        Caller caller = Callers.of(identity);
        return live.notices()
                .emitOn(Infrastructure.getDefaultWorkerPool()) // the scope check may read the enterprise view
                .filter(n -> scope.visible(caller, n.alarm().enterpriseId()));
    }
}
