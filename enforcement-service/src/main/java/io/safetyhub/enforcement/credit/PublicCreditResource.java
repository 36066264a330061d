package io.safetyhub.enforcement.credit;

import com.mongodb.client.model.Filters;
import io.safetyhub.enforcement.common.Paging;
import io.safetyhub.platform.rest.Page;
import io.safetyhub.platform.rest.PageRequest;
import io.safetyhub.platform.rest.QueryParams;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.bson.conversions.Bson;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.ArrayList;
import java.util.List;

import static io.safetyhub.platform.Strings.blankToNull;

/**
 * Grades for anyone (信用公示): the enterprise, its grade and whether it is on the 严重失信 list (which the 办法
 * makes public); not the score's causes, which are the enterprise's and its regulators'. An enterprise not listed
 * here has nothing on record: grade A.
 */
@Path("/api/public/enforcement/credit")
@Produces(MediaType.APPLICATION_JSON)
@PermitAll
@Tag(name = "public")
public class PublicCreditResource {
    private final CreditLedger ledger;

    public PublicCreditResource(CreditLedger ledger) {
        this.ledger = ledger;
    }

    public record PublicGrade(String enterpriseId, String enterpriseName, String district, String town, CreditGrade grade,
                              boolean listed, java.time.Instant listedUntil) {
        static PublicGrade of(CreditStanding s) {
            return new PublicGrade(s.id(), s.enterpriseName(), s.district(), s.town(), s.grade(), s.listed(), s.listedUntil());
        }
    }

    @GET
    @Operation(summary = "Credit grades and the 严重失信 list, by district and grade")
    public Page<PublicGrade> list(@QueryParam("district") String district, @QueryParam("grade") String grade,
                                  @QueryParam("listed") String listed, @QueryParam("page") String page,
                                  @QueryParam("size") String size) {
        List<Bson> clauses = new ArrayList<>(List.of(Filters.ne("enterpriseName", null)));
        if (blankToNull(district) != null) {
            clauses.add(Filters.eq("district", district.strip()));
        }
        CreditGrade g = QueryParams.enumOf(CreditGrade.class, "grade", grade);
        if (g != null) {
            clauses.add(Filters.eq("grade", g.name()));
        }
        if ("true".equals(listed)) {
            clauses.add(Filters.eq("listed", true));
        }
        Bson filter = Filters.and(clauses);
        PageRequest request = QueryParams.page(page, size, Paging.MAX_SIZE);
        return Page.of(ledger.standings(filter, request.skip(), request.size()), request, ledger.countStandings(filter))
                .map(PublicGrade::of);
    }
}
