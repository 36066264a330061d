package io.safetyhub.emergency.site;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Sorts;
import io.safetyhub.emergency.common.Jurisdiction;
import io.safetyhub.emergency.common.RecordStore;
import io.safetyhub.emergency.common.Today;
import io.safetyhub.emergency.config.EmergencyConfig;
import io.safetyhub.platform.Caller;
import io.safetyhub.platform.rest.DomainException;
import jakarta.enterprise.context.ApplicationScoped;
import org.bson.conversions.Bson;

import java.util.List;
import java.util.UUID;

import static io.safetyhub.platform.Strings.blankToNull;

/**
 * The catalogue of shelters ({@code shelters}) and key targets ({@code key-targets}): operators keep it for the
 * whole city, as the 应急管理局 keeps the 避难场所 list; regulators see their district's (narrowed to their town).
 */
@ApplicationScoped
public class SiteService {
    private final RecordStore<Shelter> shelters;
    private final RecordStore<KeyTarget> keyTargets;
    private final Today today;

    public SiteService(MongoClient mongo, EmergencyConfig config, Today today) {
        MongoDatabase db = mongo.getDatabase(config.database());
        this.shelters = new RecordStore<>(db.getCollection("shelters"), Shelter.class);
        this.keyTargets = new RecordStore<>(db.getCollection("key-targets"), KeyTarget.class);
        this.today = today;
    }

    public List<Shelter> shelters(Caller caller, ShelterClass shelterClass) {
        return shelters.find(narrowed(caller, "shelterClass", shelterClass), Sorts.ascending("district", "name"));
    }

    public List<KeyTarget> keyTargets(Caller caller, KeyTargetKind kind) {
        return keyTargets.find(narrowed(caller, "kind", kind), Sorts.ascending("district", "name"));
    }

    public Shelter shelter(Caller caller, String id) {
        return seen(caller, shelters.byId(id).orElse(null), "shelter", id);
    }

    public KeyTarget keyTarget(Caller caller, String id) {
        return seen(caller, keyTargets.byId(id).orElse(null), "key target", id);
    }

    /** Records a shelter under {@code id}, or a new one when {@code id} is null. */
    public Shelter putShelter(Caller caller, String id, ShelterRequest r) {
        String key = keep(caller, id, shelters, "s-");
        Shelter shelter = new Shelter(key, r.name().strip(), r.shelterClass(), r.capacity(), r.areaSquareMetres(),
                r.address().strip(), r.manager().strip(), r.phone(), r.district().strip(), blankToNull(r.town()),
                r.longitude(), r.latitude(), today.now(), caller.subject());
        shelters.put(key, shelter);
        return shelter;
    }

    /** Records a key target under {@code id}, or a new one when {@code id} is null. */
    public KeyTarget putKeyTarget(Caller caller, String id, KeyTargetRequest r) {
        String key = keep(caller, id, keyTargets, "k-");
        KeyTarget target = new KeyTarget(key, r.name().strip(), r.kind(), r.people(), r.address().strip(),
                blankToNull(r.contact()), blankToNull(r.phone()), r.district().strip(), blankToNull(r.town()),
                r.longitude(), r.latitude(), today.now(), caller.subject());
        keyTargets.put(key, target);
        return target;
    }

    /** Operators only; an update names a stored record (404 otherwise). Returns the id to write under. */
    private static <T extends Site> String keep(Caller caller, String id, RecordStore<T> store, String prefix) {
        if (!caller.operator()) {
            throw DomainException.forbidden("shelters and key targets are kept by operators");
        }
        if (id == null) {
            return prefix + UUID.randomUUID();
        }
        store.byId(id).orElseThrow(() -> DomainException.notFound("site", id));
        return id;
    }

    private static Bson narrowed(Caller caller, String field, Enum<?> value) {
        return value == null ? Jurisdiction.area(caller) : Filters.and(Jurisdiction.area(caller), Filters.eq(field, value.name()));
    }

    private static <T extends Site> T seen(Caller caller, T site, String what, String id) {
        if (site == null || !caller.sees(null, site.district(), site.town(), null)) {
            throw DomainException.notFound(what, id);
        }
        return site;
    }
}
