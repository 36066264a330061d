package io.safetyhub.enforcement.checklist;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.Sorts;
import io.safetyhub.enforcement.common.Stored;
import io.safetyhub.enforcement.config.EnforcementConfig;
import io.safetyhub.enforcement.roster.Sector;
import jakarta.enterprise.context.ApplicationScoped;
import org.bson.Document;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The {@code checklists} collection. */
@ApplicationScoped
public class ChecklistRepository {
    private final MongoCollection<Document> checklists;
    private final Stored stored;

    public ChecklistRepository(
            MongoClient mongo,
            EnforcementConfig config,
            Stored stored) {
        this.checklists = mongo.getDatabase(config.database()).getCollection("checklists");
        this.stored = stored;
    }

    public Optional<Checklist> byId(String id) {
        return Optional.ofNullable(checklists.find(Filters.eq("_id", id)).first()).map(d -> stored.read(d, Checklist.class));
    }

    /** The checklist of a sector (the first by id when an operator keeps several). */
    public Optional<Checklist> forSector(Sector sector) {
        return Optional.ofNullable(checklists.find(Filters.eq("sector", sector.name())).sort(Sorts.ascending("_id")).first())
                .map(d -> stored.read(d, Checklist.class));
    }

    public List<Checklist> all() {
        List<Checklist> out = new ArrayList<>();
        checklists.find().sort(Sorts.ascending("_id")).forEach(d -> out.add(stored.read(d, Checklist.class)));
        return out;
    }

    public void put(Checklist checklist) {
        checklists.replaceOne(Filters.eq("_id", checklist.id()), stored.write(checklist), new ReplaceOptions().upsert(true));
    }

    /** Seeds a checklist unless one with its id exists: an operator's edits survive restarts. */
    public boolean insertIfAbsent(Checklist checklist) {
        if (checklists.find(Filters.eq("_id", checklist.id())).first() != null) {
            return false;
        }
        put(checklist);
        return true;
    }
}
