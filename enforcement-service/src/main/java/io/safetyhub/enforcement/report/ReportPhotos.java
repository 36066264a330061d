package io.safetyhub.enforcement.report;

import com.mongodb.client.MongoClient;
import com.mongodb.client.gridfs.GridFSBucket;
import com.mongodb.client.gridfs.GridFSBuckets;
import com.mongodb.client.gridfs.model.GridFSUploadOptions;
import io.safetyhub.enforcement.config.EnforcementConfig;
import io.safetyhub.enforcement.evidence.EvidenceType;
import io.safetyhub.platform.Problem;
import io.safetyhub.platform.rest.DomainException;
import jakarta.enterprise.context.ApplicationScoped;
import org.bson.BsonObjectId;
import org.bson.Document;
import org.bson.types.ObjectId;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

/**
 * Photos of reports in GridFS ({@code report_photos}). Every photo is checked before anything is stored: its
 * decoded size (413 naming it) and its type from the bytes (415 naming it); a report with one bad photo stores none.
 */
@ApplicationScoped
public class ReportPhotos {
    private final GridFSBucket bucket;
    private final EvidenceType types;
    private final EnforcementConfig config;

    public ReportPhotos(
            MongoClient mongo,
            EvidenceType types,
            EnforcementConfig config) {
        this.bucket = GridFSBuckets.create(mongo.getDatabase(config.database()), "report_photos");
        this.types = types;
        this.config = config;
    }

    /** A photo checked and ready to store. */
    public record Checked(String name, String contentType, byte[] bytes) {
    }

    /** Checks every photo; {@code field} is the list's name in the request ({@code photos}). */
    public List<Checked> check(String field, List<ReportRequests.Photo> photos) {
        List<Checked> out = new ArrayList<>();
        if (photos == null) {
            return out;
        }
        if (photos.size() > config.reports().maxPhotos()) {
            throw DomainException.field(field, "at most " + config.reports().maxPhotos() + " photos");
        }
        long max = config.reports().maxPhotoSize().asLongValue();
        for (int i = 0; i < photos.size(); i++) {
            String at = field + "[" + i + "].content";
            String content = photos.get(i).content().strip();
            // Base64 is 4 characters per 3 bytes: refuse an oversized photo before decoding it.
            if (content.length() / 4L * 3 > max + 3) {
                throw new DomainException(413, "PHOTO_TOO_LARGE", at + ": larger than " + max + " bytes",
                        List.of(new Problem.FieldError(at, "larger than " + max + " bytes")));
            }
            byte[] bytes;
            try {
                bytes = Base64.getMimeDecoder().decode(content);
            } catch (IllegalArgumentException e) {
                throw DomainException.field(at, "is not Base64");
            }
            if (bytes.length == 0 || bytes.length > max) {
                throw bytes.length == 0 ? DomainException.field(at, "is empty")
                        : new DomainException(413, "PHOTO_TOO_LARGE", at + ": larger than " + max + " bytes",
                        List.of(new Problem.FieldError(at, "larger than " + max + " bytes")));
            }
            String type = types.detect(new ByteArrayInputStream(bytes));
            if (!config.reports().photoTypes().contains(type)) {
                String message = "the content is " + type + "; accepted are " + config.reports().photoTypes() + ", judged from the bytes";
                throw new DomainException(415, "UNSUPPORTED_PHOTO_TYPE", at + ": " + message, List.of(new Problem.FieldError(at, message)));
            }
            String name = photos.get(i).name() == null || photos.get(i).name().isBlank() ? "photo-" + (i + 1) : photos.get(i).name().strip();
            out.add(new Checked(name, type, bytes));
        }
        return out;
    }

    public List<Report.Photo> store(String reportId, List<Checked> photos) {
        List<Report.Photo> out = new ArrayList<>();
        for (Checked p : photos) {
            ObjectId id = new ObjectId();
            String sha256 = Sha256.hex(p.bytes());
            bucket.uploadFromStream(new BsonObjectId(id), p.name(), new ByteArrayInputStream(p.bytes()),
                    new GridFSUploadOptions().metadata(new Document("reportId", reportId).append("contentType", p.contentType())
                            .append("sha256", sha256)));
            out.add(new Report.Photo(id.toHexString(), p.name(), p.contentType(), p.bytes().length, sha256));
        }
        return out;
    }

    /** The bytes of a photo of {@code report}, or empty when it is not one of its photos. */
    public Optional<byte[]> read(Report report, String photoId) {
        boolean ours = report.photos().stream().anyMatch(p -> p.id().equals(photoId))
                || report.additions().stream().flatMap(a -> a.photos().stream()).anyMatch(p -> p.id().equals(photoId));
        if (!ours || !ObjectId.isValid(photoId)) {
            return Optional.empty();
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        bucket.downloadToStream(new ObjectId(photoId), out);
        return Optional.of(out.toByteArray());
    }
}
