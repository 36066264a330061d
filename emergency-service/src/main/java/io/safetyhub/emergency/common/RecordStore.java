package io.safetyhub.emergency.common;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;
import org.bson.Document;
import org.bson.conversions.Bson;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** A collection of one record type, kept whole per document: the plain catalogues (teams, experts) need no more. */
public final class RecordStore<T> {
    private final MongoCollection<Document> collection;
    private final Class<T> type;

    public RecordStore(MongoCollection<Document> collection, Class<T> type) {
        this.collection = collection;
        this.type = type;
    }

    public Optional<T> byId(String id) {
        return Optional.ofNullable(collection.find(Filters.eq("_id", id)).first()).map(d -> Stored.record(d, type));
    }

    public List<T> find(Bson filter, Bson sort) {
        List<T> out = new ArrayList<>();
        collection.find(filter).sort(sort).forEach(d -> out.add(Stored.record(d, type)));
        return out;
    }

    /** Writes the record only when nothing is stored under its id (demo data: a restart changes nothing). */
    public boolean putIfAbsent(java.util.function.Function<T, String> idOf, T record) {
        String id = idOf.apply(record);
        if (byId(id).isPresent()) {
            return false;
        }
        put(id, record);
        return true;
    }

    /** Writes the record under its id, replacing what was there. */
    public void put(String id, T record) {
        collection.replaceOne(Filters.eq("_id", id), Stored.document(record), new ReplaceOptions().upsert(true));
    }
}
