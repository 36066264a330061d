package io.safetyhub.training.certificate;

import io.safetyhub.platform.rest.PlainText;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** Why a certificate is withdrawn (e.g. 吊销 after a violation); kept with the certificate. */
public record RevokeRequest(@NotBlank @Size(max = 500) @PlainText String reason) {
}
