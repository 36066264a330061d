package io.safetyhub.adapter.credential;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Updates;
import jakarta.enterprise.context.ApplicationScoped;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Instant;
import java.util.Base64;
import java.util.Collection;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The {@code device_credentials} collection. Read at every CONNECT (so that a rotation made through any replica
 * holds at once everywhere) and on the periodic re-check of live connections. Blocking calls.
 */
@ApplicationScoped
public class CredentialRepository {
    private final MongoCollection<Document> credentials;

    public CredentialRepository(MongoClient client, @ConfigProperty(name = "quarkus.mongodb.database") String database) {
        this.credentials = client.getDatabase(database).getCollection("device_credentials");
    }

    public Optional<DeviceCredentials> find(String deviceId) {
        return Optional.ofNullable(credentials.find(Filters.eq("_id", deviceId)).first())
                .map(CredentialRepository::fromDocument);
    }

    public Map<String, DeviceCredentials> findAll(Collection<String> deviceIds) {
        Map<String, DeviceCredentials> found = new HashMap<>();
        credentials.find(Filters.in("_id", deviceIds)).forEach(d -> found.put(d.getString("_id"), fromDocument(d)));
        return found;
    }

    public DeviceCredentials setPassword(String deviceId, DeviceCredentials.Password password) {
        return change(deviceId, Updates.set("password", toDocument(password)), true).orElseThrow();
    }

    /** Empty when the device had no credentials at all. */
    public Optional<DeviceCredentials> removePassword(String deviceId) {
        return change(deviceId, Updates.unset("password"), false);
    }

    public DeviceCredentials setCertificate(String deviceId, DeviceCredentials.Certificate certificate) {
        return change(deviceId, Updates.set("certificate", toDocument(certificate)), true).orElseThrow();
    }

    public Optional<DeviceCredentials> removeCertificate(String deviceId) {
        return change(deviceId, Updates.unset("certificate"), false);
    }

    public void delete(String deviceId) {
        credentials.deleteOne(Filters.eq("_id", deviceId));
    }

    /** Applies one change and bumps the version, so that connections made with the old credentials are closed. */
    private Optional<DeviceCredentials> change(String deviceId, Bson update, boolean upsert) {
        Document after = credentials.findOneAndUpdate(Filters.eq("_id", deviceId),
                Updates.combine(update, Updates.inc("version", 1L)),
                new FindOneAndUpdateOptions().upsert(upsert).returnDocument(ReturnDocument.AFTER));
        return Optional.ofNullable(after).map(CredentialRepository::fromDocument);
    }

    private static Document toDocument(DeviceCredentials.Password p) {
        Base64.Encoder b64 = Base64.getEncoder();
        return new Document("algorithm", p.hash().algorithm()).append("iterations", p.hash().iterations())
                .append("salt", b64.encodeToString(p.hash().salt())).append("hash", b64.encodeToString(p.hash().hash()))
                .append("createdAt", Date.from(p.createdAt())).append("expiresAt", Date.from(p.expiresAt()));
    }

    private static Document toDocument(DeviceCredentials.Certificate c) {
        return new Document("sha256", c.sha256()).append("subject", c.subject())
                .append("notBefore", Date.from(c.notBefore())).append("notAfter", Date.from(c.notAfter()))
                .append("createdAt", Date.from(c.createdAt()));
    }

    private static DeviceCredentials fromDocument(Document d) {
        Document p = d.get("password", Document.class);
        Document c = d.get("certificate", Document.class);
        Base64.Decoder b64 = Base64.getDecoder();
        DeviceCredentials.Password password = p == null ? null : new DeviceCredentials.Password(
                new PasswordHasher.PasswordHash(p.getString("algorithm"), p.getInteger("iterations"),
                        b64.decode(p.getString("salt")), b64.decode(p.getString("hash"))),
                instant(p, "createdAt"), instant(p, "expiresAt"));
        DeviceCredentials.Certificate certificate = c == null ? null : new DeviceCredentials.Certificate(
                c.getString("sha256"), c.getString("subject"), instant(c, "notBefore"), instant(c, "notAfter"),
                instant(c, "createdAt"));
        Number version = d.get("version", Number.class);
        return new DeviceCredentials(d.getString("_id"), version == null ? 0 : version.longValue(), password, certificate);
    }

    private static Instant instant(Document d, String field) {
        return d.getDate(field).toInstant();
    }
}
