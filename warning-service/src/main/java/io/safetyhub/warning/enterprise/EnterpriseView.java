package io.safetyhub.warning.enterprise;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;
import io.safetyhub.events.EnterpriseChanged;
import io.safetyhub.warning.config.WarningConfig;
import jakarta.enterprise.context.ApplicationScoped;
import org.bson.Document;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * This service's local copy of the enterprise registry (from {@code enterprise.registry.v1}): names,
 * districts and sectors, so that alarms can be scoped by district without calling enterprise-service.
 */
@ApplicationScoped
public class EnterpriseView {
    /** Districts recently read, so that an alarm event costs no query; a change through here replaces its entry. */
    private static final long DISTRICT_TTL_NANOS = 30_000_000_000L;

    private record District(String name, long readAt) {
    }

    private final MongoCollection<Document> enterprises;
    private final Map<String, District> districts = new ConcurrentHashMap<>();

    public EnterpriseView(MongoClient mongo, WarningConfig config) {
        this.enterprises = mongo.getDatabase(config.database()).getCollection("enterprise_view");
    }

    /** Applies one registry event; replays are harmless because the document is replaced whole. */
    public void apply(EnterpriseChanged e) {
        districts.remove(e.enterpriseId());
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
        districts.remove(enterpriseId);
        enterprises.deleteOne(Filters.eq("_id", enterpriseId));
    }

    public List<String> idsInDistrict(String district) {
        return enterprises.find(Filters.eq("district", district)).map(d -> d.getString("_id")).into(new ArrayList<>());
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
        return enterprises.find(Filters.in("district", districts)).map(EnterpriseView::entry).into(new ArrayList<>())
                .stream().filter(e -> sectors.isEmpty() || e.sectors().stream().anyMatch(sectors::contains)).toList();
    }

    private static Entry entry(Document d) {
        return new Entry(d.getString("_id"), d.getString("name"), d.getString("district"), d.getString("town"),
                d.getList("sectors", String.class, List.of()));
    }

    /**
     * The enterprise's district, read at most every 30 s per enterprise (two queries per alarm event were about a
     * third of the alarm path's waits on MongoDB under load); an older entry is read again, so a change applied by
     * another instance shows within 30 s.
     */
    public String districtOf(String enterpriseId) {
        if (enterpriseId == null) {
            return null;
        }
        long now = System.nanoTime();
        District known = districts.get(enterpriseId);
        if (known != null && now - known.readAt() < DISTRICT_TTL_NANOS) {
            return known.name();
        }
        Document d = enterprises.find(Filters.eq("_id", enterpriseId)).first();
        String district = d == null ? null : d.getString("district");
        districts.put(enterpriseId, new District(district, now));
        return district;
    }
}
