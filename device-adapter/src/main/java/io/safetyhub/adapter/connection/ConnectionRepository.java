package io.safetyhub.adapter.connection;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.Updates;
import jakarta.enterprise.context.ApplicationScoped;
import org.bson.Document;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Instant;
import java.util.Collection;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** The {@code device_connections} collection: one document per device, its latest connection. Blocking calls. */
@ApplicationScoped
public class ConnectionRepository {
    private final MongoCollection<Document> connections;

    public ConnectionRepository(MongoClient client, @ConfigProperty(name = "quarkus.mongodb.database") String database) {
        this.connections = client.getDatabase(database).getCollection("device_connections");
    }

    public void connected(ConnectionRecord record) {
        connections.replaceOne(Filters.eq("_id", record.deviceId()), toDocument(record), new ReplaceOptions().upsert(true));
    }

    /** Marks the connection closed, unless the device has connected again since (elsewhere, or here). */
    public void disconnected(String deviceId, String connectionId, Instant at) {
        connections.updateOne(Filters.and(Filters.eq("_id", deviceId), Filters.eq("connectionId", connectionId)),
                Updates.set("disconnectedAt", Date.from(at)));
    }

    public Optional<ConnectionRecord> find(String deviceId) {
        return Optional.ofNullable(connections.find(Filters.eq("_id", deviceId)).first()).map(ConnectionRepository::fromDocument);
    }

    public Map<String, ConnectionRecord> findAll(Collection<String> deviceIds) {
        Map<String, ConnectionRecord> found = new HashMap<>();
        connections.find(Filters.in("_id", deviceIds)).forEach(d -> found.put(d.getString("_id"), fromDocument(d)));
        return found;
    }

    public void delete(String deviceId) {
        connections.deleteOne(Filters.eq("_id", deviceId));
    }

    private static Document toDocument(ConnectionRecord r) {
        return new Document("_id", r.deviceId()).append("connectionId", r.connectionId()).append("replica", r.replica())
                .append("protocol", r.protocol()).append("authentication", r.authentication())
                .append("connectedAt", Date.from(r.connectedAt()))
                .append("disconnectedAt", r.disconnectedAt() == null ? null : Date.from(r.disconnectedAt()));
    }

    private static ConnectionRecord fromDocument(Document d) {
        Date disconnected = d.getDate("disconnectedAt");
        return new ConnectionRecord(d.getString("_id"), d.getString("connectionId"), d.getString("replica"),
                d.getString("protocol"), d.getString("authentication"), d.getDate("connectedAt").toInstant(),
                disconnected == null ? null : disconnected.toInstant());
    }
}
