package io.safetyhub.devstack.mongo;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.Updates;
import de.bwaldvogel.mongo.MongoServer;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.h2.mvstore.MVStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Through the real MongoDB driver: the same answers as the library's scan, from one document instead of all. */
class IdFirstH2BackendTest {
    private static final int ALARMS = 2_000;
    private IdFirstH2Backend backend;
    private MongoServer server;
    private MongoClient client;
    private MongoCollection<Document> alarms;

    @BeforeEach
    void start() {
        backend = new IdFirstH2Backend(new MVStore.Builder().open());
        server = new MongoServer(backend);
        InetSocketAddress address = server.bind();
        client = MongoClients.create("mongodb://127.0.0.1:" + address.getPort());
        alarms = client.getDatabase("safetyhub_emergency").getCollection("alarms");
        List<Document> docs = new ArrayList<>();
        for (int i = 0; i < ALARMS; i++) {
            docs.add(new Document("_id", "A-" + i).append("asOfNanos", 100L).append("status", "ACTIVE"));
        }
        alarms.insertMany(docs);
    }

    @AfterEach
    void stop() {
        client.close();
        server.shutdownNow();
    }

    /** emergency-service's AlarmView: replace only where the stored copy is older or has no time. */
    private static Bson olderThan(String id, long nanos) {
        return Filters.and(Filters.eq("_id", id),
                Filters.or(Filters.lt("asOfNanos", nanos), Filters.exists("asOfNanos", false)));
    }

    @Test
    void shouldTestOneDocumentNotTheCollectionWhenAConditionalReplaceNamesTheId() {
        long before = backend.documentsTested();
        alarms.replaceOne(olderThan("A-7", 200L), new Document("asOfNanos", 200L).append("status", "CLEARED"));
        long tested = backend.documentsTested() - before;
        assertTrue(tested <= 2, "documents tested: " + tested + " of " + ALARMS);
        assertEquals("CLEARED", alarms.find(Filters.eq("_id", "A-7")).first().getString("status"));
    }

    @Test
    void shouldLeaveTheStoredCopyWhenItIsNewerThanTheReplacement() {
        long matched = alarms.replaceOne(olderThan("A-8", 50L), new Document("asOfNanos", 50L)
                .append("status", "STALE")).getMatchedCount();
        assertEquals(0, matched);
        assertEquals("ACTIVE", alarms.find(Filters.eq("_id", "A-8")).first().getString("status"));
    }

    @Test
    void shouldFailTheUpsertOnTheIdWhenTheStoredCopyIsNewer() {
        // The upsert's insert collides with the newer copy: AlarmView reads that as "not newer".
        com.mongodb.MongoWriteException e = org.junit.jupiter.api.Assertions.assertThrows(
                com.mongodb.MongoWriteException.class, () -> alarms.replaceOne(olderThan("A-9", 50L),
                        new Document("asOfNanos", 50L), new ReplaceOptions().upsert(true)));
        assertEquals(11000, e.getCode());
        assertEquals(100L, alarms.find(Filters.eq("_id", "A-9")).first().getLong("asOfNanos"));
    }

    @Test
    void shouldInsertWhenNoDocumentHasTheIdAndTheWriteIsAnUpsert() {
        alarms.replaceOne(olderThan("B-1", 50L), new Document("asOfNanos", 50L), new ReplaceOptions().upsert(true));
        assertEquals(ALARMS + 1, alarms.countDocuments());
        assertEquals(50L, alarms.find(Filters.eq("_id", "B-1")).first().getLong("asOfNanos"));
    }

    @Test
    void shouldServeTheStoredDocumentsWhenStartedAgainOnItsFile(@TempDir Path dir) {
        String file = dir.resolve("mongo.mv").toString();
        for (int start = 0; start < 2; start++) {
            IdFirstH2Backend onFile = new IdFirstH2Backend(file);
            MongoServer again = new MongoServer(onFile);
            try (MongoClient c = MongoClients.create("mongodb://127.0.0.1:" + again.bind().getPort())) {
                MongoCollection<Document> stored = c.getDatabase("safetyhub_emergency").getCollection("alarms");
                if (start == 0) {
                    stored.insertMany(List.of(new Document("_id", "F-1").append("asOfNanos", 100L),
                            new Document("_id", "F-2").append("asOfNanos", 100L)));
                } else {
                    long before = onFile.documentsTested();
                    assertEquals(1, stored.replaceOne(olderThan("F-2", 200L), new Document("asOfNanos", 200L))
                            .getMatchedCount());
                    assertTrue(onFile.documentsTested() - before <= 2);
                }
            } finally {
                again.shutdown();
            }
        }
    }

    @Test
    void shouldAnswerAsTheScanDoesWhenTheIdIsPinnedAmongOtherConditions() {
        alarms.updateOne(Filters.eq("_id", "A-3"), Updates.set("status", "CLOSED"));
        assertEquals(1, alarms.countDocuments(Filters.and(Filters.eq("_id", "A-3"), Filters.eq("status", "CLOSED"))));
        assertEquals(0, alarms.countDocuments(Filters.and(Filters.eq("_id", "A-4"), Filters.eq("status", "CLOSED"))));
        assertEquals(1, alarms.find(new Document("_id", "A-3").append("status", "CLOSED")).into(new ArrayList<>()).size());
        assertEquals(0, alarms.deleteOne(Filters.and(Filters.eq("_id", "A-5"), Filters.eq("status", "CLOSED")))
                .getDeletedCount());
        assertEquals(1, alarms.deleteOne(Filters.and(Filters.eq("_id", "A-3"), Filters.eq("status", "CLOSED")))
                .getDeletedCount());
        // A query that does not pin the id still scans, and still finds every match.
        assertEquals(ALARMS - 1, alarms.countDocuments(Filters.eq("status", "ACTIVE")));
    }
}
