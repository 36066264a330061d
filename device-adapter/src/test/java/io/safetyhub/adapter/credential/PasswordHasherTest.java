package io.safetyhub.adapter.credential;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PasswordHasherTest {
    private final PasswordHasher hasher = new PasswordHasher(10_000);

    @Test
    void shouldMatchTheSecretAndNothingElseWhenHashed() {
        String secret = hasher.newSecret();
        PasswordHasher.PasswordHash hash = hasher.hash(secret);

        assertTrue(hasher.matches(secret, hash));
        assertFalse(hasher.matches(secret + "x", hash));
        assertFalse(hasher.matches("", hash));
        assertFalse(hasher.matches(null, hash));
    }

    @Test
    void shouldSaltEachHashWhenTheSameSecretIsHashedTwice() {
        PasswordHasher.PasswordHash a = hasher.hash("same");
        PasswordHasher.PasswordHash b = hasher.hash("same");

        assertNotEquals(a, b);
        assertTrue(hasher.matches("same", a) && hasher.matches("same", b));
    }

    @Test
    void shouldKeepMatchingOldHashesWhenTheIterationCountIsRaised() {
        PasswordHasher.PasswordHash old = hasher.hash("device-secret");

        assertTrue(new PasswordHasher(20_000).matches("device-secret", old));
        assertEquals(10_000, old.iterations());
    }

    @Test
    void shouldGenerate192BitSecretsWhenAskedForOne() {
        String secret = hasher.newSecret();

        assertEquals(32, secret.length());
        assertTrue(secret.matches("[A-Za-z0-9_-]+"), secret);
        assertNotEquals(secret, hasher.newSecret());
    }

    @Test
    void shouldRefuseACheapCostWhenConfigured() {
        assertThrows(IllegalArgumentException.class, () -> new PasswordHasher(1_000));
    }

    @Test
    void shouldNeverShowTheHashWhenPrinted() {
        assertFalse(hasher.hash("x").toString().contains("="), "no Base64 of salt or hash in toString");
    }
}
