package io.safetyhub.platform.rest;

import io.safetyhub.platform.Problem;

import java.util.List;

/** A refusal the caller can act on: the HTTP status, a stable problem code and, for bad input, the fields at fault. */
public class DomainException extends RuntimeException {
    private final int status;
    private final String code;
    private final List<Problem.FieldError> errors;

    public DomainException(int status, String code, String detail) {
        this(status, code, detail, null);
    }

    public DomainException(int status, String code, String detail, List<Problem.FieldError> errors) {
        super(detail);
        this.status = status;
        this.code = code;
        this.errors = errors == null ? List.of() : List.copyOf(errors);
    }

    /** 404 that does not reveal whether the thing exists or is only out of the caller's scope. */
    public static DomainException notFound(String what, String id) {
        return new DomainException(404, "NOT_FOUND", what + " " + id + " does not exist or is not visible to you");
    }

    public static DomainException forbidden(String detail) {
        return new DomainException(403, "FORBIDDEN", detail);
    }

    public static DomainException badRequest(String code, String detail) {
        return new DomainException(400, code, detail);
    }

    public static DomainException conflict(String code, String detail) {
        return new DomainException(409, code, detail);
    }

    /** 400 naming the one field at fault, so that a form can point at it; {@code code} defaults to VALIDATION_FAILED. */
    public static DomainException field(String field, String message) {
        return field("VALIDATION_FAILED", field, message);
    }

    /** 400 naming the one field at fault with a code of its own (e.g. {@code INVALID_USCC}). */
    public static DomainException field(String code, String field, String message) {
        return new DomainException(400, code, field + ": " + message, List.of(new Problem.FieldError(field, message)));
    }

    public int status() {
        return status;
    }

    public String code() {
        return code;
    }

    /** Fields at fault; empty when the refusal is not about a field. */
    public List<Problem.FieldError> errors() {
        return errors;
    }
}
