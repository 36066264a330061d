package io.safetyhub.emergency.plan;

import com.mongodb.client.MongoClient;
import com.mongodb.client.gridfs.GridFSBucket;
import com.mongodb.client.gridfs.GridFSBuckets;
import com.mongodb.client.gridfs.model.GridFSUploadOptions;
import io.safetyhub.emergency.config.EmergencyConfig;
import io.safetyhub.platform.Problem;
import io.safetyhub.platform.rest.DomainException;
import jakarta.enterprise.context.ApplicationScoped;
import org.bson.BsonObjectId;
import org.bson.Document;
import org.bson.types.ObjectId;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;

/**
 * Plan documents in GridFS ({@code plan-documents}), streamed from the upload's temporary file, never whole in memory.
 * A plan is filed as a PDF: the type is judged from the file's first bytes ({@code %PDF-}), not from its name or the
 * client's content type, and the size is bounded by {@code emergency.plans.max-document-size}.
 */
@ApplicationScoped
public class PlanDocuments {
    private static final byte[] PDF = "%PDF-".getBytes(StandardCharsets.US_ASCII);
    private final GridFSBucket bucket;
    private final long maxSize;

    public PlanDocuments(MongoClient mongo, EmergencyConfig config) {
        this.bucket = GridFSBuckets.create(mongo.getDatabase(config.database()), "plan-documents");
        this.maxSize = config.plans().maxDocumentSize().asLongValue();
    }

    /** Checks and stores the file; 413 naming {@code file} when too large, 415 naming it when not a PDF. */
    public Plan.Document store(Plan plan, Path file, String fileName, String by, Instant at) {
        try {
            long size = Files.size(file);
            if (size > maxSize) {
                throw new DomainException(413, "FILE_TOO_LARGE", "the document is " + size + " bytes",
                        List.of(new Problem.FieldError("file", "at most " + maxSize + " bytes")));
            }
            try (InputStream in = Files.newInputStream(file)) {
                if (!Arrays.equals(in.readNBytes(PDF.length), PDF)) {
                    throw new DomainException(415, "NOT_A_PDF", "a plan is filed as a PDF",
                            List.of(new Problem.FieldError("file", "is not a PDF (its bytes do not start with %PDF-)")));
                }
            }
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            ObjectId id = new ObjectId();
            try (InputStream in = new DigestInputStream(Files.newInputStream(file), sha)) {
                bucket.uploadFromStream(new BsonObjectId(id), fileName, in, new GridFSUploadOptions()
                        .metadata(new Document("planId", plan.id()).append("uploadedBy", by)));
            }
            if (plan.document() != null && ObjectId.isValid(plan.document().fileId())) {
                bucket.delete(new ObjectId(plan.document().fileId())); // the new edition replaces the old text
            }
            return new Plan.Document(id.toHexString(), fileName, size, HexFormat.of().formatHex(sha.digest()), at, by);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot store the document of plan " + plan.id(), e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    public void copy(Plan.Document document, OutputStream out) throws IOException {
        try (InputStream in = bucket.openDownloadStream(new ObjectId(document.fileId()))) {
            in.transferTo(out);
        }
    }
}
