package io.safetyhub.devstack.mongo;

import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.QueryResult;
import de.bwaldvogel.mongo.backend.h2.H2Collection;
import de.bwaldvogel.mongo.bson.Document;
import org.h2.mvstore.MVMap;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.LongAdder;

/**
 * A collection that answers a query pinning {@code _id} to one string among other conditions by looking that one
 * document up on the {@code _id} index and testing the whole query on it, instead of testing it on every document.
 * Only one document can have that {@code _id}, so the answer is the one the scan gave. Other queries, and those with
 * a projection or a skip (rare on this path), take the library's own plan.
 */
final class IdFirstH2Collection extends H2Collection {
    private static final String ID = "_id";
    private final LongAdder documentsTested;

    IdFirstH2Collection(MongoDatabase database, String name, CollectionOptions options,
                        MVMap<Object, Document> data, MVMap<String, Object> meta, CursorRegistry cursors,
                        LongAdder documentsTested) {
        super(database, name, options, data, meta, cursors);
        this.documentsTested = documentsTested;
    }

    @Override
    protected QueryResult queryDocuments(Document query, Document orderBy, int skip, int limit, int batchSize,
                                         Document fieldSelector) {
        String id = pinnedId(query);
        if (id == null || query.size() == 1 && query.containsKey(ID) || skip > 0 || fieldSelector != null) {
            return super.queryDocuments(query, orderBy, skip, limit, batchSize, fieldSelector);
        }
        List<Document> matching = new ArrayList<>(1);
        for (Document candidate : super.queryDocuments(new Document(ID, id), null, 0, 0, 0, null)) {
            if (documentMatchesQuery(candidate, query)) {
                matching.add(candidate);
            }
        }
        return new QueryResult(matching);
    }

    /** The string the query's {@code _id} must equal, at its top level or in a top-level {@code $and}; else null. */
    static String pinnedId(Document query) {
        if (query.get(ID) instanceof String id) {
            return id;
        }
        if (query.get("$and") instanceof List<?> clauses) {
            for (Object clause : clauses) {
                if (clause instanceof Document d && d.size() == 1 && d.get(ID) instanceof String id) {
                    return id;
                }
            }
        }
        return null;
    }

    @Override
    protected boolean documentMatchesQuery(Document document, Document query) {
        documentsTested.increment();
        return super.documentMatchesQuery(document, query);
    }
}
