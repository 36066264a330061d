package io.safetyhub.events.serde;

import io.safetyhub.events.CertificateRateChanged;

public class CertificateRateChangedDeserializer extends EventDeserializer<CertificateRateChanged> {
    public CertificateRateChangedDeserializer() {
        super(CertificateRateChanged.class);
    }
}
