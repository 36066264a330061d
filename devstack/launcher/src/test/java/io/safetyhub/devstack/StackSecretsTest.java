package io.safetyhub.devstack;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

/** A stack's own key: made once, kept owner-only, the same at the next start, another stack's different. */
class StackSecretsTest {

    @Test
    void shouldKeepTheSameKeyWhenTheStackStartsAgain(@TempDir Path dir) throws Exception {
        StackHome home = new StackHome(dir.resolve("one"));
        String key = StackSecrets.reportsKey(home);
        assertEquals(32, Base64.getDecoder().decode(key).length);
        assertEquals(key, StackSecrets.reportsKey(home));
        Path file = home.dir().resolve("secrets/enforcement-reports.key");
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        assertNotEquals(key, StackSecrets.reportsKey(new StackHome(dir.resolve("two"))));
    }
}
