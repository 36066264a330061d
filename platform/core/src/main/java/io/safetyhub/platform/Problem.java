package io.safetyhub.platform;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.List;
import java.util.Locale;

/**
 * RFC 9457 problem details, the one error body of every service and the gateway: {@code type}, {@code title},
 * {@code status}, {@code detail}, a stable {@code code}, the {@code instance} path and, for bad input, one
 * {@link FieldError} per field at fault.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Problem(String type, String title, int status, String detail, String code, String instance,
                      List<FieldError> errors) {

    /** Prefix of every problem type URI; the code, lower-case and hyphenated, follows. */
    public static final String TYPE_BASE = "https://safetyhub.io/problems/";
    public static final String MEDIA_TYPE = "application/problem+json";

    /** One field at fault: {@code field} is the JSON path or query parameter name a client can point at. */
    public record FieldError(String field, String message) {
    }

    public static Problem of(int status, String code, String detail, List<FieldError> errors, String instance) {
        return new Problem(typeOf(code), HttpStatusTitles.of(status), status, detail, code, instance,
                errors == null || errors.isEmpty() ? null : List.copyOf(errors));
    }

    public static String typeOf(String code) {
        return TYPE_BASE + code.toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** The stable code for a bare HTTP status raised by a framework rather than by our own code. */
    public static String codeOf(int status) {
        return switch (status) {
            case 400 -> "BAD_REQUEST";
            case 401 -> "UNAUTHENTICATED";
            case 403 -> "FORBIDDEN";
            case 404 -> "NOT_FOUND";
            case 405 -> "METHOD_NOT_ALLOWED";
            case 406 -> "NOT_ACCEPTABLE";
            case 409 -> "CONFLICT";
            case 413 -> "BODY_TOO_LARGE";
            case 414 -> "URI_TOO_LONG";
            case 415 -> "UNSUPPORTED_MEDIA_TYPE";
            case 429 -> "TOO_MANY_REQUESTS";
            case 431 -> "HEADERS_TOO_LARGE";
            case 502 -> "BAD_GATEWAY";
            case 503 -> "UNAVAILABLE";
            case 504 -> "GATEWAY_TIMEOUT";
            default -> status >= 500 ? "INTERNAL" : "BAD_REQUEST";
        };
    }
}
