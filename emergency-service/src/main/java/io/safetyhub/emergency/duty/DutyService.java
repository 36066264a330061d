package io.safetyhub.emergency.duty;

import com.mongodb.client.model.Filters;
import io.safetyhub.emergency.common.Area;
import io.safetyhub.emergency.common.Jurisdiction;
import io.safetyhub.emergency.common.Limits;
import io.safetyhub.emergency.common.Today;
import io.safetyhub.emergency.enterprise.EnterpriseDirectory;
import io.safetyhub.emergency.enterprise.KnownEnterprise;
import io.safetyhub.events.DutyRotaChanged;
import io.safetyhub.platform.Caller;
import io.safetyhub.platform.rest.DomainException;
import jakarta.enterprise.context.ApplicationScoped;
import org.bson.conversions.Bson;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static io.safetyhub.platform.Strings.blankToNull;

/**
 * The duty rota: regulators keep their area's days (a town's regulator its town's), operators any; each change is
 * stored, then published for warning-service's escalation. An enterprise reads today's duty of its own district, the
 * people it calls when something happens.
 */
@ApplicationScoped
public class DutyService {
    /** How far ahead a rota is planned and how far back it is corrected. */
    static final int YEARS_EITHER_WAY = 1;

    private final DutyRepository repository;
    private final DutyPublisher publisher;
    private final EnterpriseDirectory directory;
    private final Today today;

    public DutyService(DutyRepository repository, DutyPublisher publisher, EnterpriseDirectory directory, Today today) {
        this.repository = repository;
        this.publisher = publisher;
        this.directory = directory;
        this.today = today;
    }

    /** The answer to a write: the rota and whether Kafka already has it. */
    public record Written(DutyRota rota, boolean published) {
    }

    public List<DutyRota> list(Caller caller, LocalDate from, LocalDate to, String district) {
        List<Bson> parts = new ArrayList<>(List.of(Jurisdiction.area(caller)));
        if (district != null) {
            parts.add(Filters.eq("district", district));
        }
        LocalDate start = from == null ? today.date() : from;
        LocalDate end = to == null ? start.plusDays(6) : to;
        if (end.isBefore(start) || end.isAfter(start.plusDays(366))) {
            throw DomainException.field("to", "must be from 'from' to a year after it");
        }
        parts.add(Filters.gte("date", start.toString()));
        parts.add(Filters.lte("date", end.toString()));
        return repository.find(Filters.and(parts));
    }

    /** Today's duty the caller may call on: a regulator's area, an enterprise's district (its own town and the district). */
    public List<DutyRota> today(Caller caller) {
        Bson date = Filters.eq("date", today.date().toString());
        if (caller.confinedEnterprise() == null) {
            return repository.find(Filters.and(date, Jurisdiction.area(caller)));
        }
        KnownEnterprise e = directory.byId(caller.confinedEnterprise()).orElseThrow(() -> DomainException.forbidden(
                "enterprise " + caller.confinedEnterprise() + " is not in the registry view yet"));
        return repository.find(Filters.and(date, Filters.eq("district", e.district()),
                Filters.or(Filters.eq("town", null), Filters.eq("town", e.town()))));
    }

    public Written set(Caller caller, LocalDate date, DutyRequest request) {
        within(date);
        Area area = Area.of(caller, blankToNull(request.district()), blankToNull(request.town()));
        area.requireKeeper(caller, "duty rotas");
        String district = area.district();
        String town = area.town();
        DutyRota rota = new DutyRota(DutyRotaChanged.key(date, district, town), date, district, town, officer(request.leader()),
                request.officers().stream().map(DutyService::officer).toList(), today.now(), caller.subject(), false, false);
        repository.put(rota);
        return new Written(rota, publisher.publish(rota));
    }

    public void remove(Caller caller, LocalDate date, String requestedDistrict, String requestedTown) {
        Area area = Area.of(caller, requestedDistrict, requestedTown);
        area.requireKeeper(caller, "duty rotas");
        String district = area.district();
        String town = area.town();
        String id = DutyRotaChanged.key(date, district, town);
        DutyRota stored = repository.byId(id).filter(r -> !r.removed())
                .orElseThrow(() -> DomainException.notFound("duty rota", id));
        DutyRota removed = new DutyRota(id, date, district, town, stored.leader(), stored.officers(), today.now(),
                caller.subject(), false, true);
        repository.put(removed);
        publisher.publish(removed);
    }

    private void within(LocalDate date) {
        Limits.within("date", date, today.date().minusYears(YEARS_EITHER_WAY), today.date().plusYears(YEARS_EITHER_WAY));
    }

    private static DutyRota.Officer officer(DutyRequest.Person p) {
        return new DutyRota.Officer(p.name().strip(), p.phone(), blankToNull(p.post()));
    }
}
