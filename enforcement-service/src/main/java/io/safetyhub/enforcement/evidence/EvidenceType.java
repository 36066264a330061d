package io.safetyhub.enforcement.evidence;

import io.safetyhub.enforcement.config.EnforcementConfig;
import io.safetyhub.platform.Problem;
import io.safetyhub.platform.rest.DomainException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.tika.io.TikaInputStream;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.mime.MediaType;
import org.apache.tika.mime.MimeTypes;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What an attachment really is, from its first bytes (Tika's MIME magic), never from its name or the type the
 * client declared: an executable renamed {@code photo.jpg} is detected as an executable and refused.
 */
@ApplicationScoped
public class EvidenceType {
    private final MimeTypes magic = MimeTypes.getDefaultMimeTypes();
    private final Set<String> allowed;

    @Inject
    public EvidenceType(EnforcementConfig config) {
        this(config.evidence().allowedTypes());
    }

    EvidenceType(List<String> allowed) {
        this.allowed = allowed.stream().map(String::strip).collect(Collectors.toUnmodifiableSet());
    }

    /** The detected base type, e.g. {@code image/jpeg}; {@code application/octet-stream} when nothing matches. */
    public String detect(InputStream bytes) {
        try (TikaInputStream in = TikaInputStream.get(bytes)) {
            // An empty Metadata: no file name is given to Tika, so only the content decides.
            MediaType type = magic.detect(in, new Metadata());
            return type.getBaseType().toString();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the uploaded file", e);
        }
    }

    /** The detected type if it is an accepted one; else a 415 problem naming {@code file}. */
    public String require(InputStream bytes) {
        String type = detect(bytes);
        if (!allowed.contains(type)) {
            String message = "the content is " + type + "; accepted are " + allowed.stream().sorted().toList()
                    + " (photos and PDF), judged from the bytes, not the name";
            throw new DomainException(415, "UNSUPPORTED_EVIDENCE_TYPE", "file: " + message,
                    List.of(new Problem.FieldError("file", message)));
        }
        return type;
    }
}
