package io.safetyhub.emergency.material;

import com.mongodb.client.model.Filters;
import io.safetyhub.emergency.common.Area;
import io.safetyhub.emergency.common.Jurisdiction;
import io.safetyhub.emergency.common.Limits;
import io.safetyhub.emergency.common.Today;
import io.safetyhub.platform.Caller;
import io.safetyhub.platform.Problem;
import io.safetyhub.platform.rest.DomainException;
import io.safetyhub.platform.rest.Page;
import io.safetyhub.platform.rest.PageRequest;
import jakarta.enterprise.context.ApplicationScoped;
import org.bson.conversions.Bson;
import org.jboss.logging.Logger;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static io.safetyhub.platform.Strings.blankToNull;

/** Emergency materials (物资库) of the three-level reserve, and dispatches (调拨) between stocks. */
@ApplicationScoped
public class MaterialService {
    private static final Logger LOG = Logger.getLogger(MaterialService.class);
    private static final String WHAT = "materials";

    private final MaterialRepository repository;
    private final Today today;

    public MaterialService(MaterialRepository repository, Today today) {
        this.repository = repository;
        this.today = today;
    }

    public record Filter(String district, Tier tier, String item, Boolean lowStock) {
    }

    public Page<MaterialView> list(Caller caller, Filter f, PageRequest page) {
        List<Bson> parts = new ArrayList<>(List.of(Jurisdiction.area(caller)));
        if (f.district() != null) {
            parts.add(Filters.eq("district", f.district()));
        }
        if (f.tier() != null) {
            parts.add(Filters.eq("tier", f.tier().name()));
        }
        if (f.item() != null) {
            parts.add(Filters.eq("item", f.item()));
        }
        LocalDate day = today.date();
        return Page.slice(repository.find(Filters.and(parts)).stream().map(m -> MaterialView.of(m, day))
                .filter(v -> f.lowStock() == null || v.lowStock() == f.lowStock()).toList(), page);
    }

    public List<Material> all(Caller caller) {
        return repository.find(Jurisdiction.area(caller));
    }

    public MaterialView get(Caller caller, String id) {
        return MaterialView.of(visible(caller, id), today.date());
    }

    public MaterialView create(Caller caller, MaterialRequest r) {
        Material m = build(caller, "m-" + UUID.randomUUID(), r);
        repository.insert(m);
        return MaterialView.of(m, today.date());
    }

    public MaterialView update(Caller caller, String id, MaterialRequest r) {
        Material stored = visible(caller, id);
        new Area(stored.district(), stored.town()).requireKeeper(caller, WHAT);
        Material m = build(caller, id, r);
        repository.replace(m);
        return MaterialView.of(m, today.date());
    }

    /** Moves stock; the taking side is atomic and conditional, the adding side is undone if its stock vanished. */
    public Dispatch dispatch(Caller caller, DispatchRequest r) {
        if (r.fromMaterialId().equals(r.toMaterialId())) {
            throw DomainException.field("toMaterialId", "must differ from fromMaterialId");
        }
        Material from = repository.byId(r.fromMaterialId()).filter(m -> caller.sees(null, m.district(), m.town(), null))
                .orElseThrow(() -> DomainException.field("NOT_FOUND", "fromMaterialId", "no such stock in your area"));
        Material to = repository.byId(r.toMaterialId()).filter(m -> caller.sees(null, m.district(), m.town(), null))
                .orElseThrow(() -> DomainException.field("NOT_FOUND", "toMaterialId", "no such stock in your area"));
        new Area(from.district(), from.town()).requireKeeper(caller, WHAT);
        if (!from.item().equals(to.item()) || !from.unit().equals(to.unit())) {
            throw new DomainException(422, "DIFFERENT_ITEM", "a dispatch moves one item between stocks of that item",
                    List.of(new Problem.FieldError("toMaterialId", "holds " + to.item() + " (" + to.unit() + "), not "
                            + from.item() + " (" + from.unit() + ")")));
        }
        if (!repository.take(from.id(), r.quantity())) {
            long left = repository.byId(from.id()).map(Material::quantity).orElse(0L);
            throw new DomainException(409, "INSUFFICIENT_STOCK", "stock " + from.id() + " holds " + left + " " + from.unit(),
                    List.of(new Problem.FieldError("quantity", "at most " + left + " can be dispatched")));
        }
        if (!repository.add(to.id(), r.quantity())) {
            repository.add(from.id(), r.quantity()); // put back what was taken: nothing half-done
            throw DomainException.field("NOT_FOUND", "toMaterialId", "the receiving stock was removed meanwhile");
        }
        Dispatch d = new Dispatch("d-" + UUID.randomUUID(), from.id(), to.id(), from.item(), from.unit(), r.quantity(),
                from.district(), from.town(), to.district(), to.town(), r.reason().strip(), today.now(), caller.subject());
        repository.record(d);
        LOG.infof("dispatch %s: %d %s of %s from %s to %s by %s", d.id(), d.quantity(), d.unit(), d.item(), from.id(), to.id(),
                caller.subject());
        return d;
    }

    public Page<Dispatch> dispatches(Caller caller, PageRequest page) {
        Bson scope = caller.seesAll() ? Filters.empty() : caller.confinedDistrict() == null ? Filters.eq("_id", null)
                : Filters.or(Filters.eq("fromDistrict", caller.confinedDistrict()), Filters.eq("toDistrict", caller.confinedDistrict()));
        return Page.slice(repository.dispatches(scope), page);
    }

    /** One dispatch, seen by the callers who see either end of it. */
    public Dispatch dispatch(Caller caller, String id) {
        return repository.dispatch(id).filter(d -> caller.sees(null, d.fromDistrict(), d.fromTown(), null)
                || caller.sees(null, d.toDistrict(), d.toTown(), null)).orElseThrow(() -> DomainException.notFound("dispatch", id));
    }

    private Material visible(Caller caller, String id) {
        Material m = repository.byId(id).orElseThrow(() -> DomainException.notFound("material", id));
        if (!caller.sees(null, m.district(), m.town(), null)) {
            throw DomainException.notFound("material", id);
        }
        return m;
    }

    private Material build(Caller caller, String id, MaterialRequest r) {
        Area area = Area.of(caller, blankToNull(r.district()), blankToNull(r.town()));
        String village = blankToNull(r.village());
        if (r.tier() != Tier.DISTRICT && area.town() == null) {
            throw DomainException.field("town", "a " + r.tier() + " stock names its town");
        }
        if (r.tier() == Tier.VILLAGE && village == null) {
            throw DomainException.field("village", "a VILLAGE stock names its village or community");
        }
        area.requireKeeper(caller, WHAT);
        LocalDate day = today.date();
        Limits.within("expiresOn", r.expiresOn(), Limits.EARLIEST, day.plusYears(30));
        Limits.within("maintainedOn", r.maintainedOn(), Limits.EARLIEST, day);
        Limits.within("nextMaintenanceOn", r.nextMaintenanceOn(), Limits.EARLIEST, day.plusYears(10));
        String town = r.tier() == Tier.DISTRICT ? null : area.town();
        return new Material(id, r.item().strip(), r.unit().strip(), r.quantity(), r.tier(), area.district(), town,
                r.tier() == Tier.VILLAGE ? village : null, r.location().strip(), r.longitude(), r.latitude(), r.expiresOn(),
                r.maintainedOn(), r.nextMaintenanceOn(), r.lowStockThreshold(), today.now(), caller.subject());
    }
}
