package io.safetyhub.warning.enterprise;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;
import io.safetyhub.events.EnterpriseChanged;
import io.safetyhub.warning.config.WarningConfig;
import jakarta.enterprise.context.ApplicationScoped;
import org.bson.Document;
import org.bson.conversions.Bson;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The enterprise directory: this service's read model of the enterprise registry (from
 * {@code enterprise.registry.v1}) with names, districts, towns and sectors, so that alarms can be scoped and
 * warnings addressed without calling enterprise-service.
 */
@ApplicationScoped
public class EnterpriseDirectory {
    /** Places recently read, so that an alarm event costs no query; a change through here replaces its entry. */
    private static final long PLACE_TTL_NANOS = 30_000_000_000L;

    /** Where an enterprise is: district (区县) and town (镇街); either may be unknown (null). */
    public record Place(String district, String town) {
    }

    private record CachedPlace(Place place, long readAt) {
    }

    private static final Place UNKNOWN = new Place(null, null);

    private final MongoCollection<Document> enterprises;
    private final Map<String, CachedPlace> places = new ConcurrentHashMap<>();

    public EnterpriseDirectory(MongoClient mongo, WarningConfig config) {
        this.enterprises = mongo.getDatabase(config.database()).getCollection("enterprise_view");
    }

    /** Applies one registry event; replays are harmless because the document is replaced whole. */
    public void apply(EnterpriseChanged e) {
        places.remove(e.enterpriseId());
        if (e.change() == EnterpriseChanged.Change.DELETED) {
            enterprises.deleteOne(Filters.eq("_id", e.enterpriseId()));
            return;
        }
        Document doc = new Document("_id", e.enterpriseId())
                .append("name", e.name())
                .append("district", e.district())
                .append("town", e.town())
                .append("sectors", e.sectors() == null ? List.of() : e.sectors())
                .append("status", e.status());
        enterprises.replaceOne(Filters.eq("_id", e.enterpriseId()), doc, new ReplaceOptions().upsert(true));
    }

    public void forget(String enterpriseId) {
        places.remove(enterpriseId);
        enterprises.deleteOne(Filters.eq("_id", enterpriseId));
    }

    /** Enterprises of the district, and of the town within it unless {@code town} is null. */
    public List<Entry> inDistrict(String district, String town) {
        Bson filter = town == null ? Filters.eq("district", district)
                : Filters.and(Filters.eq("district", district), Filters.eq("town", town));
        return enterprises.find(filter).map(EnterpriseDirectory::entry).into(new ArrayList<>());
    }

    /** One enterprise as this service knows it. */
    public record Entry(String id, String name, String district, String town, List<String> sectors) {
    }

    public Entry get(String enterpriseId) {
        Document d = enterprises.find(Filters.eq("_id", enterpriseId)).first();
        return d == null ? null : entry(d);
    }

    /** Enterprises in any of the districts, and (unless sectors is empty) in any of the sectors. */
    public List<Entry> matching(List<String> districts, List<String> sectors) {
        return enterprises.find(Filters.in("district", districts)).map(EnterpriseDirectory::entry)
                .into(new ArrayList<>()).stream().filter(e -> sectors.isEmpty() || e.sectors().stream().anyMatch(sectors::contains)).toList();
    }

    private static Entry entry(Document d) {
        return new Entry(d.getString("_id"), d.getString("name"), d.getString("district"), d.getString("town"),
                d.getList("sectors", String.class, List.of()));
    }

    /** The enterprise's district (see {@link #placeOf}). */
    public String districtOf(String enterpriseId) {
        return placeOf(enterpriseId).district();
    }

    /**
     * Where the enterprise is, read at most every 30 s per enterprise (two queries per alarm event were about a
     * third of the alarm path's waits on MongoDB under load); an older entry is read again, so a change applied by
     * another instance shows within 30 s. An enterprise the directory does not know has an unknown place.
     */
    public Place placeOf(String enterpriseId) {
        if (enterpriseId == null) {
            return UNKNOWN;
        }
        long now = System.nanoTime();
        CachedPlace known = places.get(enterpriseId);
        if (known != null && now - known.readAt() < PLACE_TTL_NANOS) {
            return known.place();
        }
        Document d = enterprises.find(Filters.eq("_id", enterpriseId)).first();
        Place place = d == null ? UNKNOWN : new Place(d.getString("district"), d.getString("town"));
        places.put(enterpriseId, new CachedPlace(place, now));
        return place;
    }
}
