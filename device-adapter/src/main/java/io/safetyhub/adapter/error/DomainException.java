package io.safetyhub.adapter.error;

import java.util.List;

/** A refusal the caller can act on: carries the HTTP status, a stable problem code and, for validation, the fields. */
public class DomainException extends RuntimeException {
    private final int status;
    private final String code;
    private final transient List<Problem.FieldError> errors;

    public DomainException(int status, String code, String detail) {
        this(status, code, detail, null);
    }

    public DomainException(int status, String code, String detail, List<Problem.FieldError> errors) {
        super(detail);
        this.status = status;
        this.code = code;
        this.errors = errors == null ? null : List.copyOf(errors);
    }

    /** 400 VALIDATION_FAILED naming every field at fault. */
    public static DomainException invalid(List<Problem.FieldError> errors) {
        return new DomainException(400, "VALIDATION_FAILED", "the request has invalid fields", errors);
    }

    public static DomainException conflict(String code, String detail) {
        return new DomainException(409, code, detail);
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

    public int status() {
        return status;
    }

    public String code() {
        return code;
    }

    public List<Problem.FieldError> errors() {
        return errors;
    }
}
