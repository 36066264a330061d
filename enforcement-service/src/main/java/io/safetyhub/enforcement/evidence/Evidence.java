package io.safetyhub.enforcement.evidence;

import java.time.Instant;

/**
 * An attachment (证据: photo or PDF) of an inspection, kept in GridFS ({@code evidence.files} / {@code evidence.chunks});
 * these fields are the file's metadata there.
 *
 * @param contentType the type detected from the bytes
 * @param sha256      hex digest of the bytes, printed in the case record so the file can be proven unchanged
 */
public record Evidence(String id, String inspectionId, String itemCode, String fileName, String contentType, long size,
                       String sha256, String uploadedBy, Instant uploadedAt) {
}
