package io.safetyhub.enforcement.credit;

import com.mongodb.client.model.Filters;
import io.quarkus.security.identity.SecurityIdentity;
import io.safetyhub.enforcement.common.Paging;
import io.safetyhub.enforcement.common.Scope;
import io.safetyhub.enforcement.config.EnforcementConfig;
import io.safetyhub.enforcement.roster.RosterEnterprise;
import io.safetyhub.enforcement.roster.RosterRepository;
import io.safetyhub.platform.Caller;
import io.safetyhub.platform.rest.Callers;
import io.safetyhub.platform.rest.DomainException;
import io.safetyhub.platform.rest.Page;
import io.safetyhub.platform.rest.PageRequest;
import io.safetyhub.platform.rest.QueryParams;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.bson.conversions.Bson;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Credit standings (信易+安全): regulators of their area and operators; an enterprise its own, with every change. */
@Path("/api/enforcement/credit")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({"regulator", "enterprise", "operator"})
@Tag(name = "credit", description = "信易+安全")
public class CreditResource {
    private final CreditLedger ledger;
    private final RosterRepository roster;
    private final EnforcementConfig config;
    private final SecurityIdentity identity;

    public CreditResource(
            CreditLedger ledger,
            RosterRepository roster,
            EnforcementConfig config,
            SecurityIdentity identity) {
        this.ledger = ledger;
        this.roster = roster;
        this.config = config;
        this.identity = identity;
    }

    /** One enterprise's standing, its draw factor and its changes with their causes, latest first. */
    public record Detail(String enterpriseId, String enterpriseName, int score, CreditGrade grade, int drawFactor,
                         boolean listed, java.time.Instant listedSince, java.time.Instant listedUntil, String listedReason,
                         List<CreditChange> history) {
    }

    @GET
    @RolesAllowed({"regulator", "operator"})
    @Operation(summary = "Standings of the caller's area (enterprises with something on record); filter by grade, listed")
    public Page<CreditStanding> list(@QueryParam("grade") String grade, @QueryParam("listed") String listed,
                                     @QueryParam("page") String page, @QueryParam("size") String size) {
        List<Bson> clauses = new ArrayList<>();
        CreditGrade g = QueryParams.enumOf(CreditGrade.class, "grade", grade);
        if (g != null) {
            clauses.add(Filters.eq("grade", g.name()));
        }
        if (listed != null && !listed.isBlank()) {
            if (!listed.equals("true") && !listed.equals("false")) {
                throw DomainException.field("listed", "must be true or false");
            }
            clauses.add(Filters.eq("listed", Boolean.parseBoolean(listed)));
        }
        Bson filter = Scope.filter(caller(), clauses);
        PageRequest request = QueryParams.page(page, size, Paging.MAX_SIZE);
        return Page.of(ledger.standings(filter, request.skip(), request.size()), request, ledger.countStandings(filter));
    }

    @GET @Path("/{enterpriseId}")
    @Operation(summary = "One enterprise's score, grade, draw factor, 严重失信 standing and history")
    public Detail get(@PathParam("enterpriseId") String enterpriseId) {
        Caller caller = caller();
        RosterEnterprise e = roster.byId(enterpriseId)
                .filter(x -> Scope.sees(caller, x.id(), x.district(), x.town()))
                .orElseThrow(() -> DomainException.notFound("enterprise", enterpriseId));
        Optional<CreditStanding> s = ledger.standing(e.id());
        int score = s.map(CreditStanding::score).orElse(config.credit().base());
        CreditGrade grade = s.map(CreditStanding::grade).orElse(CreditFormula.grade(score, config.credit().grades()));
        return new Detail(e.id(), e.name(), score, grade, CreditFormula.drawFactor(grade, config.credit().drawFactors()),
                s.map(CreditStanding::listed).orElse(false), s.map(CreditStanding::listedSince).orElse(null),
                s.map(CreditStanding::listedUntil).orElse(null), s.map(CreditStanding::listedReason).orElse(null),
                ledger.history(e.id()));
    }

    private Caller caller() {
        return Callers.of(identity);
    }
}
