package io.safetyhub.training.error;

import java.util.List;

/** A refusal the caller can act on: carries the HTTP status, a stable problem code and the fields at fault. */
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
        this.errors = errors;
    }

    public static DomainException notFound(String what, String id) {
        return new DomainException(404, "NOT_FOUND", what + " " + id + " does not exist or is not visible to you");
    }

    public static DomainException forbidden(String detail) {
        return new DomainException(403, "FORBIDDEN", detail);
    }

    public static DomainException badRequest(String code, String detail) {
        return new DomainException(400, code, detail);
    }

    /** 400 naming the one field at fault, so that a form can point at it. */
    public static DomainException invalidField(String code, String field, String message) {
        return new DomainException(400, code, field + ": " + message, List.of(new Problem.FieldError(field, message)));
    }

    public static DomainException conflict(String code, String detail) {
        return new DomainException(409, code, detail);
    }

    public int status() {
        return status;
    }

    public String code() {
        return code;
    }

    /** Fields at fault, or null when the refusal is not about one field. */
    public List<Problem.FieldError> errors() {
        return errors;
    }
}
