package io.safetyhub.enforcement.evidence;

import com.mongodb.client.MongoClient;
import com.mongodb.client.gridfs.GridFSBucket;
import com.mongodb.client.gridfs.GridFSBuckets;
import com.mongodb.client.gridfs.model.GridFSFile;
import com.mongodb.client.gridfs.model.GridFSUploadOptions;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Sorts;
import io.safetyhub.enforcement.config.EnforcementConfig;
import io.safetyhub.enforcement.inspection.Inspection;
import jakarta.enterprise.context.ApplicationScoped;
import org.bson.Document;
import org.bson.types.ObjectId;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * Evidence files in GridFS, streamed both ways in 255 kB chunks: an upload goes from the request's temporary file on
 * disk to MongoDB, a download from MongoDB to the response, and neither is ever held whole in memory. A failed upload
 * leaves nothing behind (the driver removes the chunks it wrote).
 */
@ApplicationScoped
public class EvidenceStore {
    private final GridFSBucket bucket;

    public EvidenceStore(
            MongoClient mongo,
            EnforcementConfig config) {
        this.bucket = GridFSBuckets.create(mongo.getDatabase(config.database()), "evidence");
    }

    /** Stores the file at {@code path}; its type was detected before. */
    public Evidence put(Inspection inspection, String itemCode, String fileName, String contentType, Path path,
                        String uploadedBy, Instant at) {
        try {
            String sha256 = digest(path);
            long size = Files.size(path);
            ObjectId id = new ObjectId();
            Document metadata = new Document("inspectionId", inspection.id()).append("itemCode", itemCode)
                    .append("enterpriseId", inspection.enterpriseId()).append("district", inspection.district())
                    .append("town", inspection.town()).append("contentType", contentType).append("sha256", sha256)
                    .append("uploadedBy", uploadedBy).append("uploadedAt", at.toString());
            try (InputStream in = Files.newInputStream(path)) {
                bucket.uploadFromStream(new org.bson.BsonObjectId(id), fileName, in, new GridFSUploadOptions().metadata(metadata));
            }
            return new Evidence(id.toHexString(), inspection.id(), itemCode, fileName, contentType, size, sha256, uploadedBy, at);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot store evidence of " + inspection.id(), e);
        }
    }

    public List<Evidence> of(String inspectionId) {
        List<Evidence> out = new ArrayList<>();
        bucket.find(Filters.eq("metadata.inspectionId", inspectionId)).sort(Sorts.ascending("uploadDate"))
                .forEach(f -> out.add(toEvidence(f)));
        return out;
    }

    public long count(String inspectionId) {
        return of(inspectionId).size();
    }

    public Optional<Evidence> byId(String id) {
        if (!ObjectId.isValid(id)) {
            return Optional.empty();
        }
        return Optional.ofNullable(bucket.find(Filters.eq("_id", new ObjectId(id))).first()).map(EvidenceStore::toEvidence);
    }

    /** Copies the file's bytes to {@code out}, chunk by chunk. */
    public void copy(String id, OutputStream out) throws IOException {
        try (InputStream in = bucket.openDownloadStream(new ObjectId(id))) {
            in.transferTo(out);
        }
    }

    private static Evidence toEvidence(GridFSFile f) {
        Document m = f.getMetadata() == null ? new Document() : f.getMetadata();
        String uploadedAt = m.getString("uploadedAt");
        return new Evidence(f.getObjectId().toHexString(), m.getString("inspectionId"), m.getString("itemCode"),
                f.getFilename(), m.getString("contentType"), f.getLength(), m.getString("sha256"), m.getString("uploadedBy"),
                uploadedAt == null ? null : Instant.parse(uploadedAt));
    }

    private static String digest(Path path) throws IOException {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            try (InputStream in = new DigestInputStream(Files.newInputStream(path), sha)) {
                in.transferTo(OutputStream.nullOutputStream());
            }
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
