package io.safetyhub.enterprise.error;

/** A refusal the caller can act on: carries the HTTP status and a stable problem code. */
public class DomainException extends RuntimeException {
    private final int status;
    private final String code;

    public DomainException(int status, String code, String detail) {
        super(detail);
        this.status = status;
        this.code = code;
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
}
