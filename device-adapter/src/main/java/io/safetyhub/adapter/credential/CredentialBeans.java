package io.safetyhub.adapter.credential;

import io.safetyhub.adapter.config.AdapterConfig;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/** The password hasher, with the configured cost. */
public class CredentialBeans {

    @Produces
    @Singleton
    PasswordHasher passwordHasher(AdapterConfig config) {
        return new PasswordHasher(config.credentials().hashIterations());
    }
}
