package io.safetyhub.devstack.mongo;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.backend.h2.H2Database;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;

import java.util.concurrent.atomic.LongAdder;

/**
 * mongo-java-server's H2 backend whose collections look a document up by its {@code _id} whenever a query pins the
 * {@code _id} to one value, also among other conditions ({@link IdFirstH2Collection}). The library uses an index
 * only for a query on exactly the indexed fields, so a conditional write such as emergency-service's
 * "replace this alarm if the stored copy is older" ({@code {$and: [{_id: …}, {$or: …}]}}) read and deserialised
 * every document of the collection, on every alarm event: 60 % of this server's CPU profile during a 10,000 readings/s
 * bench window (bench/results/README.md, "What the measuring cost, and what the embedded MongoDB scanned"). Real
 * MongoDB plans the same query on its {@code _id} index.
 */
public class IdFirstH2Backend extends H2Backend {
    /** Made on first use: the superclass's constructor opens the stored databases before any initialiser here. */
    private LongAdder documentsTested;

    public IdFirstH2Backend(String fileName) {
        super(fileName);
    }

    public IdFirstH2Backend(MVStore store) {
        super(store);
    }

    /** Documents tested against a query since the start (each read from the store): what the query plans cost. */
    public long documentsTested() {
        return counter().sum();
    }

    private synchronized LongAdder counter() {
        if (documentsTested == null) {
            documentsTested = new LongAdder();
        }
        return documentsTested;
    }

    @Override
    protected MongoDatabase openOrCreateDatabase(String databaseName) {
        return new Database(databaseName);
    }

    /**
     * H2Database with the library's own map names (H2Database: "databases." and "meta." + the namespace). An inner
     * class: the superclass's constructor already opens the collections, before a field of this one could be set.
     */
    private final class Database extends H2Database {
        Database(String name) {
            super(name, getMvStore(), getCursorRegistry());
        }

        @Override
        protected MongoCollection<Object> openOrCreateCollection(String collectionName, CollectionOptions options) {
            String namespace = getFullCollectionNamespace(collectionName);
            MVMap<Object, de.bwaldvogel.mongo.bson.Document> data = getMvStore().openMap("databases." + namespace);
            MVMap<String, Object> meta = getMvStore().openMap("meta." + namespace);
            return new IdFirstH2Collection(this, collectionName, options, data, meta, getCursorRegistry(), counter());
        }
    }
}
