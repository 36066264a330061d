package io.safetyhub.enterprise.disclosure;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;
import io.safetyhub.enterprise.config.EnterpriseConfig;
import io.safetyhub.enterprise.enterprise.Enterprise;
import io.safetyhub.enterprise.enterprise.EnterpriseRepository;
import io.safetyhub.enterprise.enterprise.EnterpriseService;
import io.safetyhub.platform.rest.DomainException;
import io.safetyhub.platform.Caller;
import jakarta.enterprise.context.ApplicationScoped;
import org.bson.Document;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * Responsibility disclosures: the enterprise (or an operator on its behalf) writes its own; the
 * enterprise and its regulators read it in full; anyone reads the masked public form of an enterprise
 * that has published one (a QR code at the gate points there).
 */
@ApplicationScoped
public class DisclosureService {
    private final MongoCollection<Document> collection;
    private final DisclosureMapper mapper;
    private final EnterpriseService enterprises;
    private final EnterpriseRepository registry;
    private final Clock clock;

    public DisclosureService(MongoClient mongo, EnterpriseConfig config, DisclosureMapper mapper,
                             EnterpriseService enterprises, EnterpriseRepository registry, Clock clock) {
        this.collection = mongo.getDatabase(config.database()).getCollection("disclosures");
        this.mapper = mapper;
        this.enterprises = enterprises;
        this.registry = registry;
        this.clock = clock;
    }

    public DisclosureView get(Caller caller, String enterpriseId) {
        Enterprise enterprise = enterprises.visible(caller, enterpriseId);
        Document doc = find(enterpriseId);
        return view(enterprise, doc, mapper.fromDocument(doc), doc.getString("updatedBy"));
    }

    public DisclosureView put(Caller caller, String enterpriseId, Disclosure disclosure) {
        Enterprise enterprise = enterprises.visible(caller, enterpriseId);
        if (caller.regulator() && !caller.operator()) {
            throw DomainException.forbidden("a disclosure is published by the enterprise itself");
        }
        save(enterpriseId, disclosure, caller.subject());
        return get(caller, enterprise.id());
    }

    /** Writes without a caller: the demo seed. */
    public void save(String enterpriseId, Disclosure disclosure, String by) {
        collection.replaceOne(Filters.eq("_id", enterpriseId),
                mapper.toDocument(enterpriseId, disclosure, clock.instant().truncatedTo(ChronoUnit.MILLIS), by),
                new ReplaceOptions().upsert(true));
    }

    public boolean exists(String enterpriseId) {
        return collection.find(Filters.eq("_id", enterpriseId)).first() != null;
    }

    public DisclosureView publicView(String enterpriseId) {
        Enterprise enterprise = registry.findById(enterpriseId)
                .orElseThrow(() -> DomainException.notFound("disclosure of", enterpriseId));
        Document doc = find(enterpriseId);
        return view(enterprise, doc, mapper.masked(mapper.fromDocument(doc)), null);
    }

    private Document find(String enterpriseId) {
        Document doc = collection.find(Filters.eq("_id", enterpriseId)).first();
        if (doc == null) {
            throw DomainException.notFound("disclosure of", enterpriseId);
        }
        return doc;
    }

    private static DisclosureView view(Enterprise e, Document doc, Disclosure d, String by) {
        Instant at = doc.getDate("updatedAt").toInstant();
        return new DisclosureView(e.id(), e.name(), e.district(), d, at, by);
    }
}
