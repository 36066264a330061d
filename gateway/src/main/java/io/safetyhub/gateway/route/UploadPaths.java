package io.safetyhub.gateway.route;

import java.util.List;
import java.util.Locale;

/**
 * The paths where the gateway relays a multipart upload ({@code gateway.proxy.uploads.paths}), as patterns in which
 * {@code *} stands for exactly one non-empty path segment: {@code /api/enforcement/inspections/*}{@code /evidence}
 * admits {@code /api/enforcement/inspections/i-1/evidence}, not {@code .../i-1/evidence/e-2} nor {@code .../evidence}
 * of nothing. Everywhere else the API takes JSON, and multipart is 415.
 */
public final class UploadPaths {
    private final List<String[]> patterns;

    private UploadPaths(List<String[]> patterns) {
        this.patterns = patterns;
    }

    /** Parses the setting; a pattern outside {@code /api/}, with an empty segment or a partial wildcard fails startup. */
    public static UploadPaths of(List<String> configured) {
        return new UploadPaths(configured.stream().map(String::trim).filter(p -> !p.isEmpty())
                .map(UploadPaths::parse).toList());
    }

    /** Whether {@code path} (already normalised) is an upload path. */
    public boolean matches(String path) {
        if (path == null || !path.startsWith("/")) {
            return false;
        }
        String[] segments = path.substring(1).split("/", -1);
        for (String[] pattern : patterns) {
            if (matches(pattern, segments)) {
                return true;
            }
        }
        return false;
    }

    /** Whether this request is an upload the gateway relays: multipart on an upload path. */
    public boolean admits(String path, String contentType) {
        return isMultipart(contentType) && matches(path);
    }

    public static boolean isMultipart(String contentType) {
        return contentType != null && contentType.toLowerCase(Locale.ROOT).startsWith("multipart/");
    }

    private static boolean matches(String[] pattern, String[] segments) {
        if (pattern.length != segments.length) {
            return false;
        }
        for (int i = 0; i < pattern.length; i++) {
            boolean wildcard = pattern[i].equals("*");
            if (segments[i].isEmpty() || !wildcard && !pattern[i].equals(segments[i])) {
                return false;
            }
        }
        return true;
    }

    private static String[] parse(String pattern) {
        String[] segments = pattern.startsWith("/api/") ? pattern.substring(1).split("/", -1) : new String[0];
        boolean valid = segments.length > 1;
        for (String segment : segments) {
            valid &= !segment.isEmpty() && !segment.equals(".") && !segment.equals("..")
                    && (segment.equals("*") || !segment.contains("*"));
        }
        if (!valid) {
            throw new IllegalArgumentException("gateway.proxy.uploads.paths: '" + pattern
                    + "' must be a path under /api/ whose segments are literal or exactly '*'");
        }
        return segments;
    }
}
