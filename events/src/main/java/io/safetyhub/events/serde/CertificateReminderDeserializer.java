package io.safetyhub.events.serde;

import io.safetyhub.events.CertificateReminder;

public class CertificateReminderDeserializer extends EventDeserializer<CertificateReminder> {
    public CertificateReminderDeserializer() {
        super(CertificateReminder.class);
    }
}
