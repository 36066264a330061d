package io.safetyhub.enterprise.error;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.List;

/** RFC 9457 problem details, with a stable {@code code} and, for validation, one entry per field at fault. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Problem(String type, String title, int status, String detail, String code, String instance,
                      List<FieldError> errors) {

    public record FieldError(String field, String message) {
    }
}
